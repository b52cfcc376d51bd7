using StrategiBot.Packaging;

namespace StrategiBot.Tests.Packaging;

public sealed class IconTests
{
    [Theory]
    [InlineData("color.png")]
    [InlineData("outline.png")]
    public void The_committed_icons_are_what_the_artist_draws(string fileName)
    {
        // STRATEGIBOT_DRAW_ICONS=1 redraws them after a change to IconArtist.
        var drawn = fileName == "color.png" ? IconArtist.Color() : IconArtist.Outline();
        var path = Path.Combine(TestPackage.ManifestFolder, fileName);
        if (Environment.GetEnvironmentVariable("STRATEGIBOT_DRAW_ICONS") == "1")
        {
            File.WriteAllBytes(path, drawn.Write());
        }

        var committed = PngImage.Read(File.ReadAllBytes(path));

        Assert.Equal((drawn.Width, drawn.Height), (committed.Width, committed.Height));
        var worst = drawn.Rgba.Zip(committed.Rgba, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= 1, $"{fileName} differs from IconArtist's drawing by up to {worst} per channel; redraw with STRATEGIBOT_DRAW_ICONS=1.");
    }

    [Fact]
    public void The_colour_icon_is_192_pixels_and_opaque()
    {
        var image = PngImage.Read(File.ReadAllBytes(Path.Combine(TestPackage.ManifestFolder, "color.png")));

        Assert.Null(AppPackager.IconProblem(File.ReadAllBytes(Path.Combine(TestPackage.ManifestFolder, "color.png")), 192, whiteOnTransparent: false));
        Assert.Equal((192, 192), (image.Width, image.Height));
        Assert.All(Enumerable.Range(0, 192 * 192), i => Assert.Equal(255, image.Rgba[(i * 4) + 3]));
        // Full colour: the accent blue and white both appear.
        Assert.Contains(((byte)0x1F, (byte)0x5F, (byte)0xA8, (byte)0xFF), Pixels(image));
        Assert.Contains(((byte)0xFF, (byte)0xFF, (byte)0xFF, (byte)0xFF), Pixels(image));
    }

    [Fact]
    public void The_outline_icon_is_32_pixels_white_on_transparent()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPackage.ManifestFolder, "outline.png"));
        var image = PngImage.Read(bytes);

        Assert.Null(AppPackager.IconProblem(bytes, 32, whiteOnTransparent: true));
        Assert.Equal((32, 32), (image.Width, image.Height));
        var pixels = Pixels(image).ToList();
        Assert.All(pixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"pixel {p} is neither white nor transparent"));
        // Anti-aliased: a drawing, with a transparent background, some solid and some partly covered pixels.
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
        Assert.Contains(pixels, p => p.A is > 0 and < 255);
        Assert.InRange(pixels.Count(p => p.A > 0), 32 * 32 / 8, 32 * 32 / 2);
    }

    [Fact]
    public void The_icon_check_rejects_colour_and_opacity_in_an_outline()
    {
        var coloured = IconArtist.Outline();
        coloured[16, 16] = (0x1F, 0x5F, 0xA8, 255);
        var opaque = new PngImage(32, 32);
        Array.Fill(opaque.Rgba, (byte)255);

        Assert.Equal("pixel (16,16) is #1F5FA8, must be white or fully transparent", AppPackager.IconProblem(coloured.Write(), 32, whiteOnTransparent: true));
        Assert.StartsWith("has no transparent pixel", AppPackager.IconProblem(opaque.Write(), 32, whiteOnTransparent: true), StringComparison.Ordinal);
        Assert.StartsWith("cannot be read as a PNG", AppPackager.IconProblem([1, 2, 3], 32, whiteOnTransparent: true), StringComparison.Ordinal);
    }

    [Fact]
    public void Png_round_trips_and_reads_filtered_rows()
    {
        var image = IconArtist.Color();

        Assert.Equal(image.Rgba, PngImage.Read(image.Write()).Rgba);
        // A 2×2 RGB image whose rows use the Sub and Paeth filters, as other encoders write them.
        var filtered = PngImage.Read(Convert.FromBase64String(TwoByTwoFilteredPng));
        Assert.Equal((10, 20, 30, 255), filtered[0, 0]);
        Assert.Equal((15, 25, 35, 255), filtered[1, 0]);
        Assert.Equal((12, 22, 32, 255), filtered[0, 1]);
        Assert.Equal((17, 27, 37, 255), filtered[1, 1]);
    }

    private const string TwoByTwoFilteredPng = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGPkEpFjZWVlYQIDAAOlAF153cKpAAAAAElFTkSuQmCC";

    private static IEnumerable<(byte R, byte G, byte B, byte A)> Pixels(PngImage image) =>
        Enumerable.Range(0, image.Width * image.Height).Select(i => image[i % image.Width, i / image.Width]);
}
