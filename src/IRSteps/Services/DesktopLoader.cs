using System;
using System.IO;
using System.Reflection;

namespace IRSteps.Services
{
    /// <summary>
    /// Windows PowerShell 5.1: no load contexts. Our lib/ copies are served to any request for an
    /// assembly of the same name (this also stands in for the binding redirects a module cannot declare,
    /// e.g. AWSSDK.Core asking for System.Text.Json 6.0.0.0 while 8.0.0.0 ships). If another module loaded
    /// its AWSSDK.Core first, the runtime uses that one: see about_IRSteps.
    /// </summary>
    internal static class DesktopLoader
    {
        private static string directory;

        public static Assembly LoadEngine(string libDirectory, string enginePath)
        {
            directory = libDirectory;
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            return Assembly.LoadFrom(enginePath);
        }

        private static Assembly Resolve(object sender, ResolveEventArgs args)
        {
            string name = new AssemblyName(args.Name).Name;
            string candidate = Path.Combine(directory, name + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }
    }
}
