using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace IRSteps.Loading
{
    /// <summary>
    /// PowerShell 7: an assembly of lib/ (the client, the emulator) and every assembly it finds in lib/ load into a
    /// private context. IRSteps itself (the model and the interfaces) is shared with the default context so that
    /// the objects the client returns are the types scripts see. Never touched on Windows PowerShell.
    /// <para>
    /// ReadyToRun: the build compiles the client's AWSSDK.Core, AWSSDK.SecurityToken and IRSteps.Client ahead of time
    /// for the runtimes and platforms pwsh runs on most (lib/r2r/&lt;net8.0|net10.0&gt;/&lt;rid&gt;/, the same IL with
    /// native code beside it), so that a one-shot process does not JIT-compile them. That folder is searched first when
    /// it matches this runtime's major version and this platform; when an image fails to load, that is reported (on
    /// -Debug) and the IL is loaded instead. IRSTEPS_NO_R2R=1 loads the IL only.
    /// </para>
    /// </summary>
    internal static class IsolatedLoader
    {
        /// <summary>Set to 1 (or true) to load only the IL in lib/.</summary>
        internal const string NoReadyToRunVariable = "IRSTEPS_NO_R2R";

        /// <summary>Loads an assembly of lib/ (the emulator) into a context of its own, from the IL.</summary>
        public static Assembly Load(string libDirectory, string assemblyPath)
        {
            return new LibLoadContext(libDirectory, null).LoadFromAssemblyPath(assemblyPath);
        }

        /// <summary>
        /// Loads an assembly of lib/ (the client) into a context of its own, from this runtime's and platform's
        /// ReadyToRun images where lib/r2r has them; <paramref name="report"/> receives where its code comes from and
        /// why when an image could not be used.
        /// </summary>
        public static Assembly LoadPrecompiled(string libDirectory, string assemblyName, Action<string> report)
        {
            string? images = ReadyToRunDirectory(libDirectory, report);
            if (images != null)
            {
                var context = new LibLoadContext(libDirectory, images);
                try
                {
                    Assembly assembly = context.LoadFromAssemblyName(new AssemblyName(assemblyName));

                    // A load context remembers a name it failed to load and fails it again even from another file, so
                    // every image is loaded now, before any of it runs: on any failure this context is left unused and
                    // a new one loads the IL. (The client needs AWSSDK.Core on every call: nothing is loaded early.)
                    foreach (string image in Directory.GetFiles(images, "*.dll"))
                    {
                        context.LoadFromAssemblyName(new AssemblyName(Path.GetFileNameWithoutExtension(image)));
                    }

                    return assembly;
                }
                catch (Exception exception) when (exception is BadImageFormatException || exception is IOException)
                {
                    // An image for another OS or processor (BadImageFormatException), or a damaged one.
                    string reason = string.Join(" ", exception.Message.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)).Trim();
                    report("IRSteps client: the ReadyToRun images in '" + images + "' did not load (" + exception.GetType().Name + ": " +
                        reason + "); loading the IL in '" + libDirectory + "' instead");
                }
            }

            return new LibLoadContext(libDirectory, null).LoadFromAssemblyName(new AssemblyName(assemblyName));
        }

        /// <summary>lib/r2r/&lt;tfm&gt;/&lt;rid&gt; for this runtime and platform, or null (the IL only).</summary>
        private static string? ReadyToRunDirectory(string libDirectory, Action<string> report)
        {
            string? off = Environment.GetEnvironmentVariable(NoReadyToRunVariable);
            if (off == "1" || string.Equals(off, "true", StringComparison.OrdinalIgnoreCase))
            {
                report("IRSteps client: the IL in '" + libDirectory + "' (" + NoReadyToRunVariable + "=" + off + ")");
                return null;
            }

            // An image compiled for another major version of .NET is ignored by the runtime (its code is JIT-compiled
            // as if it were IL), so only this major version's folder is any use.
            string framework = "net" + Environment.Version.Major + ".0";
            string? platform = Platform();
            string? directory = platform == null ? null : Path.Combine(libDirectory, "r2r", framework, platform);
            if (directory == null || !Directory.Exists(directory))
            {
                report("IRSteps client: the IL in '" + libDirectory + "' (no ReadyToRun images for " + framework + " on " +
                    (platform ?? RuntimeInformation.OSDescription + " " + RuntimeInformation.ProcessArchitecture) + ")");
                return null;
            }

            report("IRSteps client: ReadyToRun images from '" + directory + "', else the IL in '" + libDirectory + "'");
            return directory;
        }

        /// <summary>The runtime identifier the build compiles images for (linux-x64, win-x64, osx-arm64, ...), or null.</summary>
        private static string? Platform()
        {
            string? os = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win"
                : RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? "linux"
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx"
                : null;
            string? architecture = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? "x64"
                : RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "arm64"
                : null;
            return os == null || architecture == null ? null : os + "-" + architecture;
        }

        private sealed class LibLoadContext : AssemblyLoadContext
        {
            private static readonly string RuntimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
            private readonly string libDirectory;
            private readonly string? imageDirectory;

            /// <param name="imageDirectory">ReadyToRun images searched before lib/, or null.</param>
            public LibLoadContext(string libDirectory, string? imageDirectory)
            {
                this.libDirectory = libDirectory;
                this.imageDirectory = imageDirectory;
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

                string? image = imageDirectory == null ? null : Path.Combine(imageDirectory, assemblyName.Name + ".dll");
                if (image != null && File.Exists(image))
                {
                    return LoadFromAssemblyPath(image);
                }

                string candidate = Path.Combine(libDirectory, assemblyName.Name + ".dll");
                return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
            }
        }
    }
}
