using System;
using System.IO;
using System.Reflection;

namespace IRSteps.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1: no load contexts. The client loads with Assembly.LoadFrom, so the runtime finds
    /// its references in lib/ by itself unless an assembly of the same identity is already loaded, and then uses
    /// that one: every AWSSDK.Core 4.x is AWSSDK.Core 4.0.0.0, so whichever module loads one first serves both
    /// (AWSSDK.Core 3.x is 3.3.0.0, a different identity, and loads beside ours). What the runtime cannot find
    /// (AWSSDK.Core asking for System.Text.Json 6.0.0.0 while 8.0.0.0 ships) this handler serves from lib/,
    /// standing in for the binding redirects a module cannot declare: only a copy at least as new as the one
    /// asked for, never an older one. See about_IRSteps.
    /// </summary>
    internal static class DesktopLoader
    {
        private static string? directory;

        /// <summary>Loads an assembly of lib/ (the client, the emulator); one handler serves them all.</summary>
        public static Assembly Load(string libDirectory, string assemblyPath)
        {
            if (directory == null) AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            directory = libDirectory;
            return Assembly.LoadFrom(assemblyPath);
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var wanted = new AssemblyName(args.Name);
            string candidate = Path.Combine(directory!, wanted.Name + ".dll");
            if (!File.Exists(candidate)) return null;

            AssemblyName shipped = AssemblyName.GetAssemblyName(candidate);
            if (wanted.Version != null && shipped.Version < wanted.Version) return null;
            return Assembly.LoadFrom(candidate);
        }
    }
}
