using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace IRSteps.Loading
{
    /// <summary>
    /// PowerShell 7: an assembly of lib/ (the client, the emulator) and every assembly it finds in lib/ load into a
    /// private context. IRSteps itself (the model and the interfaces) is shared with the default context so that
    /// the objects the client returns are the types scripts see. Never touched on Windows PowerShell.
    /// </summary>
    internal static class IsolatedLoader
    {
        public static Assembly Load(string libDirectory, string assemblyPath)
        {
            var context = new LibLoadContext(libDirectory);
            return context.LoadFromAssemblyPath(assemblyPath);
        }

        private sealed class LibLoadContext : AssemblyLoadContext
        {
            private static readonly string RuntimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
            private readonly string libDirectory;

            public LibLoadContext(string libDirectory)
            {
                this.libDirectory = libDirectory;
            }

            protected override Assembly? Load(AssemblyName assemblyName)
            {
                if (assemblyName.Name == typeof(IsolatedLoader).Assembly.GetName().Name)
                {
                    return null; // share IRSteps.dll (model and interfaces) with the default context
                }

                // The runtime's own assemblies (System.Text.Json, System.Memory, ...) are newer than the
                // netstandard copies in lib/ and define the core types: always use the runtime's.
                if (File.Exists(Path.Combine(RuntimeDirectory, assemblyName.Name + ".dll")))
                {
                    return null;
                }

                string candidate = Path.Combine(libDirectory, assemblyName.Name + ".dll");
                return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
            }
        }
    }
}
