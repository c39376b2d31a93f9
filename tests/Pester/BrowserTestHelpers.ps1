# Dot-sourced by the report tests (and by build.ps1 Test, which installs the browser): headless Chromium from the
# system, run with a new empty profile and no way off the machine, and the pixels of the screenshots it takes.

# Chromium flags: headless, no first-run work, no background or component traffic, and every host name made
# unresolvable except loopback, so that nothing the browser itself wants to fetch can leave the machine.
$script:ChromiumFlags = @(
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--hide-scrollbars', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'
)

function Find-Chromium {
    # The Chromium (or Chrome) to test with: $env:IRSTEPS_CHROMIUM, else the first on the PATH; $null when none is found.
    if ($env:IRSTEPS_CHROMIUM -and (Test-Path -LiteralPath $env:IRSTEPS_CHROMIUM)) { return $env:IRSTEPS_CHROMIUM }
    foreach ($name in 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome') {
        $command = Get-Command $name -CommandType Application -ErrorAction Ignore | Select-Object -First 1
        if ($command) { return $command.Source }
    }
    return $null
}

function Invoke-Chromium {
    # Runs headless Chromium once on a file with the given arguments (--dump-dom, --screenshot=..., ...) and a new
    # empty --user-data-dir; returns its standard output. Fails, never skips, when there is no Chromium.
    param(
        [Parameter(Mandatory)] [string] $Path,
        [string[]] $Argument = @(),
        [int] $TimeoutSec = 90
    )
    $browser = Find-Chromium
    if (-not $browser) {
        throw 'No Chromium found (IRSTEPS_CHROMIUM, chromium, google-chrome). build.ps1 Test installs Debian''s chromium when it runs as root on Debian; elsewhere install Chromium or Chrome, or set IRSTEPS_CHROMIUM.'
    }
    $userData = Join-Path ([IO.Path]::GetTempPath()) ('irsteps-chromium-' + [Guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $userData
    $start = [System.Diagnostics.ProcessStartInfo]::new($browser)
    foreach ($flag in $script:ChromiumFlags + $Argument + @("--user-data-dir=$userData", [Uri]::new((Resolve-Path -LiteralPath $Path).ProviderPath, [UriKind]::Absolute).AbsoluteUri)) {
        $start.ArgumentList.Add($flag)
    }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSec * 1000)) {
            $process.Kill($true)
            throw "Chromium did not finish within $TimeoutSec seconds on $Path."
        }
        $process.WaitForExit()
        if ($process.ExitCode -ne 0) { throw "Chromium exited with $($process.ExitCode) on ${Path}: $($stderr.Result)" }
        return $stdout.Result
    }
    finally {
        $process.Dispose()
        Remove-Item -Recurse -Force -LiteralPath $userData -ErrorAction Ignore
    }
}

function Read-PngImage {
    # Decodes an 8-bit, non-interlaced PNG (what Chromium writes) into Width, Height and RGBA bytes.
    param([Parameter(Mandatory)] [string] $Path)
    if (-not ('IRStepsTests.Png' -as [type])) {
        Add-Type -TypeDefinition @'
using System;
using System.IO;
using System.IO.Compression;

namespace IRStepsTests
{
    public sealed class Png
    {
        public int Width; public int Height; public byte[] Rgba;

        public static Png Read(string path)
        {
            byte[] file = File.ReadAllBytes(path);
            if (file.Length < 8 || file[0] != 0x89 || file[1] != (byte)'P') throw new InvalidDataException(path + " is not a PNG.");
            var idat = new MemoryStream();
            int width = 0, height = 0, colorType = 0, depth = 0, interlace = 0;
            for (int at = 8; at + 8 <= file.Length;)
            {
                int length = (file[at] << 24) | (file[at + 1] << 16) | (file[at + 2] << 8) | file[at + 3];
                string type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
                if (type == "IHDR")
                {
                    width = (file[at + 8] << 24) | (file[at + 9] << 16) | (file[at + 10] << 8) | file[at + 11];
                    height = (file[at + 12] << 24) | (file[at + 13] << 16) | (file[at + 14] << 8) | file[at + 15];
                    depth = file[at + 16]; colorType = file[at + 17]; interlace = file[at + 20];
                }
                else if (type == "IDAT") idat.Write(file, at + 8, length);
                else if (type == "IEND") break;
                at += 12 + length;
            }
            if (depth != 8 || interlace != 0 || (colorType != 2 && colorType != 6)) throw new NotSupportedException("PNG colour type " + colorType + ", depth " + depth + ", interlace " + interlace);
            int channels = colorType == 6 ? 4 : 3, stride = width * channels;
            var raw = new MemoryStream();
            idat.Position = 0;
            using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(raw);
            byte[] data = raw.ToArray();
            var rgba = new byte[width * height * 4];
            var previous = new byte[stride];
            var line = new byte[stride];
            for (int y = 0; y < height; y++)
            {
                int filter = data[y * (stride + 1)];
                Buffer.BlockCopy(data, y * (stride + 1) + 1, line, 0, stride);
                for (int i = 0; i < stride; i++)
                {
                    int a = i >= channels ? line[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                    int value = line[i];
                    switch (filter)
                    {
                        case 1: value += a; break;
                        case 2: value += b; break;
                        case 3: value += (a + b) / 2; break;
                        case 4: int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c); value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; break;
                    }
                    line[i] = (byte)value;
                }
                for (int x = 0; x < width; x++)
                {
                    int o = (y * width + x) * 4;
                    rgba[o] = line[x * channels]; rgba[o + 1] = line[x * channels + 1]; rgba[o + 2] = line[x * channels + 2];
                    rgba[o + 3] = channels == 4 ? line[x * channels + 3] : (byte)255;
                }
                var swap = previous; previous = line; line = swap;
            }
            return new Png { Width = width, Height = height, Rgba = rgba };
        }

        /// <summary>How many pixels are within the tolerance (per channel) of the colour.</summary>
        public int Count(int r, int g, int b, int tolerance)
        {
            int n = 0;
            for (int o = 0; o < Rgba.Length; o += 4)
                if (Math.Abs(Rgba[o] - r) <= tolerance && Math.Abs(Rgba[o + 1] - g) <= tolerance && Math.Abs(Rgba[o + 2] - b) <= tolerance) n++;
            return n;
        }

        /// <summary>How many pixels have the channel (0 red, 1 green, 2 blue) above both others by the margin.</summary>
        public int CountDominant(int channel, int margin)
        {
            int n = 0;
            for (int o = 0; o < Rgba.Length; o += 4)
            {
                int c = Rgba[o + channel], d = Rgba[o + (channel + 1) % 3], e = Rgba[o + (channel + 2) % 3];
                if (c - d >= margin && c - e >= margin) n++;
            }
            return n;
        }

        /// <summary>How many different colours the image has.</summary>
        public int DistinctColours()
        {
            var seen = new System.Collections.Generic.HashSet<int>();
            for (int o = 0; o < Rgba.Length; o += 4) seen.Add((Rgba[o] << 16) | (Rgba[o + 1] << 8) | Rgba[o + 2]);
            return seen.Count;
        }

        public byte[] Pixel(int x, int y) { int o = (y * Width + x) * 4; return new[] { Rgba[o], Rgba[o + 1], Rgba[o + 2] }; }
    }
}
'@
    }
    [IRStepsTests.Png]::Read((Resolve-Path -LiteralPath $Path).ProviderPath)
}
