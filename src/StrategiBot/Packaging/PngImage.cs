using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace StrategiBot.Packaging;

/// <summary>
/// An 8-bit RGBA image with just enough PNG to check the app icons and to write the ones we draw: no image
/// library is available to us, and the icons need only non-interlaced 8-bit PNGs.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    public PngImage(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        Rgba = new byte[width * height * 4];
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Row-major pixels, four bytes each (red, green, blue, alpha; not premultiplied).</summary>
    public byte[] Rgba { get; }

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
        }
        set
        {
            var i = ((y * Width) + x) * 4;
            (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]) = value;
        }
    }

    /// <summary>Reads a PNG; throws <see cref="InvalidDataException"/> naming what is wrong or unsupported.</summary>
    public static PngImage Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length < Signature.Length || !file.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG file");
        }
        int width = 0, height = 0, colourType = -1;
        byte[] palette = [], transparency = [];
        using var compressed = new MemoryStream();
        var offset = Signature.Length;
        while (offset + 12 <= file.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(offset));
            if (length < 0 || offset + 12 + length > file.Length)
            {
                throw new InvalidDataException("truncated chunk");
            }
            var type = Encoding.ASCII.GetString(file, offset + 4, 4);
            var data = file.AsSpan(offset + 8, length);
            if (Crc(file.AsSpan(offset + 4, length + 4)) != BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset + 8 + length)))
            {
                throw new InvalidDataException($"bad CRC in the {type} chunk");
            }
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    colourType = data[9];
                    if (data[8] != 8 || data[12] != 0)
                    {
                        throw new InvalidDataException($"unsupported PNG (bit depth {data[8]}, interlace {data[12]}); save it as 8-bit, non-interlaced");
                    }
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "tRNS":
                    transparency = data.ToArray();
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
            }
            offset += 12 + length;
            if (type == "IEND")
            {
                break;
            }
        }
        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException("no image header");
        }
        var channels = colourType switch
        {
            0 => 1,
            2 => 3,
            3 => 1,
            4 => 2,
            6 => 4,
            _ => throw new InvalidDataException($"unsupported PNG colour type {colourType}"),
        };
        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        var stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        inflater.ReadExactly(raw);
        var pixels = Unfilter(raw, stride, channels, height);

        var image = new PngImage(width, height);
        for (var i = 0; i < width * height; i++)
        {
            image.SetPixel(i, pixels.AsSpan(i * channels, channels), colourType, palette, transparency);
        }
        return image;
    }

    /// <summary>Writes an 8-bit RGBA PNG (no filtering, maximum compression).</summary>
    public byte[] Write()
    {
        using var output = new MemoryStream();
        output.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8;
        header[9] = 6;
        WriteChunk(output, "IHDR", header);

        using var compressed = new MemoryStream();
        using (var deflater = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var y = 0; y < Height; y++)
            {
                deflater.WriteByte(0);
                deflater.Write(Rgba, y * Width * 4, Width * 4);
            }
        }
        WriteChunk(output, "IDAT", compressed.ToArray());
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private void SetPixel(int index, ReadOnlySpan<byte> source, int colourType, byte[] palette, byte[] transparency)
    {
        var target = Rgba.AsSpan(index * 4, 4);
        switch (colourType)
        {
            case 0:
                target[0] = target[1] = target[2] = source[0];
                target[3] = transparency.Length >= 2 && transparency[1] == source[0] && transparency[0] == 0 ? (byte)0 : (byte)255;
                break;
            case 2:
                source.CopyTo(target);
                target[3] = transparency.Length >= 6 && transparency[1] == source[0] && transparency[3] == source[1] && transparency[5] == source[2] ? (byte)0 : (byte)255;
                break;
            case 3:
                var entry = source[0];
                if (entry * 3 + 2 >= palette.Length)
                {
                    throw new InvalidDataException("palette index out of range");
                }
                palette.AsSpan(entry * 3, 3).CopyTo(target);
                target[3] = entry < transparency.Length ? transparency[entry] : (byte)255;
                break;
            case 4:
                target[0] = target[1] = target[2] = source[0];
                target[3] = source[1];
                break;
            default:
                source.CopyTo(target);
                break;
        }
    }

    private static byte[] Unfilter(byte[] raw, int stride, int bytesPerPixel, int height)
    {
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var line = raw.AsSpan((y * (stride + 1)) + 1, stride);
            var current = pixels.AsSpan(y * stride, stride);
            var previous = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (var x = 0; x < stride; x++)
            {
                int left = x >= bytesPerPixel ? current[x - bytesPerPixel] : 0;
                int up = previous[x];
                int upLeft = x >= bytesPerPixel ? previous[x - bytesPerPixel] : 0;
                current[x] = (byte)(line[x] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"unknown row filter {filter}"),
                });
            }
        }
        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        var typed = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        output.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc(typed));
        output.Write(number);
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
