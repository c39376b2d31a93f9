using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace IRSteps.Validation
{
    /// <summary>
    /// Values as PowerShell sees them: a PSObject's properties are its adapted and extended members, so a .NET
    /// object's properties, a PSCustomObject's, and the note properties of an Import-Clixml or ConvertFrom-Json copy
    /// are all found the same way.
    /// </summary>
    internal sealed class PowerShellObjects : ObjectInspector
    {
        public static readonly PowerShellObjects Instance = new PowerShellObjects();

        private PowerShellObjects()
        {
        }

        public override object Unwrap(object value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        public override bool TryGetProperty(object value, string name, out object? property)
        {
            property = null;
            PSPropertyInfo? found = PSObject.AsPSObject(value).Properties[name];
            if (found == null) return false;
            try
            {
                property = found.Value;
            }
            catch (GetValueException)
            {
                // A getter that throws gives no name: the item is refused as one whose JobName is empty.
            }

            return true;
        }

        public override IEnumerable<string> PropertyNames(object value) => PSObject.AsPSObject(value).Properties.Select(property => property.Name);

        public override string TypeName(object value)
        {
            PSObject wrapped = PSObject.AsPSObject(value);
            return wrapped.TypeNames.Count > 0 ? wrapped.TypeNames[0] : wrapped.BaseObject.GetType().FullName ?? "object";
        }
    }
}
