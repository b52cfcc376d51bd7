using StrategiBot.Packaging;

namespace StrategiBot.Tests.Packaging;

/// <summary>
/// Draws the app icons: a speech bubble with a check mark (an answer that follows the strategy), white on the
/// municipal blue of the manifest's accent colour. Shapes are signed distance functions in a unit square,
/// sampled several times per pixel so edges are anti-aliased. Only arithmetic and square roots, so every
/// machine draws the same pixels. <c>IconTests</c> compares the committed PNGs with these drawings and
/// rewrites them when <c>STRATEGIBOT_DRAW_ICONS=1</c>.
/// </summary>
internal static class IconArtist
{
    private static readonly (byte R, byte G, byte B) Blue = (0x1F, 0x5F, 0xA8);
    private static readonly (byte R, byte G, byte B) White = (0xFF, 0xFF, 0xFF);

    // The bubble: a rounded rectangle with a tail at the lower left; the check mark sits inside it.
    private static readonly Vector BubbleCentre = new(0.5, 0.44);
    private static readonly Vector BubbleHalfSize = new(0.33, 0.25);
    private const double BubbleRadius = 0.11;
    private static readonly Vector[] Tail = [new(0.27, 0.6), new(0.45, 0.6), new(0.22, 0.84)];
    private static readonly Vector[] Check = [new(0.35, 0.45), new(0.45, 0.55), new(0.65, 0.34)];

    /// <summary>192×192, full colour: a white bubble with a blue check mark on blue.</summary>
    public static PngImage Color() => Draw(AppPackager.ColorIconSize, samples: 4, p =>
    {
        var bubble = Math.Min(RoundedBox(p), Polygon(p, Tail)) <= 0;
        var check = Polyline(p, Check) <= 0.045;
        return (bubble && !check ? White : Blue, (byte)255);
    });

    /// <summary>32×32, white on transparent: the bubble's outline and the check mark.</summary>
    public static PngImage Outline() => Draw(AppPackager.OutlineIconSize, samples: 8, p =>
    {
        var bubble = Math.Min(RoundedBox(p), Polygon(p, Tail));
        var stroke = bubble is <= 0 and >= -0.075;
        var check = Polyline(p, Check) <= 0.05;
        return (White, stroke || check ? (byte)255 : (byte)0);
    });

    private static PngImage Draw(int size, int samples, Func<Vector, ((byte R, byte G, byte B) Colour, byte Alpha)> shade)
    {
        var image = new PngImage(size, size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                double r = 0, g = 0, b = 0, a = 0;
                for (var sy = 0; sy < samples; sy++)
                {
                    for (var sx = 0; sx < samples; sx++)
                    {
                        var point = new Vector((x + ((sx + 0.5) / samples)) / size, (y + ((sy + 0.5) / samples)) / size);
                        var (colour, alpha) = shade(point);
                        // Average premultiplied colour, so transparent samples do not darken the edge.
                        r += colour.R * alpha;
                        g += colour.G * alpha;
                        b += colour.B * alpha;
                        a += alpha;
                    }
                }
                image[x, y] = a == 0
                    ? ((byte)0, (byte)0, (byte)0, (byte)0)
                    : (ToByte(r / a), ToByte(g / a), ToByte(b / a), ToByte(a / (samples * samples)));
            }
        }
        return image;
    }

    private static byte ToByte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);

    /// <summary>Signed distance to the bubble's rounded rectangle: negative inside.</summary>
    private static double RoundedBox(Vector p)
    {
        var qx = Math.Abs(p.X - BubbleCentre.X) - (BubbleHalfSize.X - BubbleRadius);
        var qy = Math.Abs(p.Y - BubbleCentre.Y) - (BubbleHalfSize.Y - BubbleRadius);
        var outside = new Vector(Math.Max(qx, 0), Math.Max(qy, 0)).Length;
        return outside + Math.Min(Math.Max(qx, qy), 0) - BubbleRadius;
    }

    /// <summary>Signed distance to a closed polygon: negative inside (even-odd rule).</summary>
    private static double Polygon(Vector p, Vector[] corners)
    {
        var distance = double.MaxValue;
        var inside = false;
        for (int i = 0, j = corners.Length - 1; i < corners.Length; j = i++)
        {
            distance = Math.Min(distance, Segment(p, corners[j], corners[i]));
            if ((corners[i].Y > p.Y) != (corners[j].Y > p.Y) &&
                p.X < ((corners[j].X - corners[i].X) * (p.Y - corners[i].Y) / (corners[j].Y - corners[i].Y)) + corners[i].X)
            {
                inside = !inside;
            }
        }
        return inside ? -distance : distance;
    }

    private static double Polyline(Vector p, Vector[] points)
    {
        var distance = double.MaxValue;
        for (var i = 1; i < points.Length; i++)
        {
            distance = Math.Min(distance, Segment(p, points[i - 1], points[i]));
        }
        return distance;
    }

    private static double Segment(Vector p, Vector a, Vector b)
    {
        var ab = b - a;
        var t = Math.Clamp(Vector.Dot(p - a, ab) / Vector.Dot(ab, ab), 0, 1);
        return (p - (a + (ab * t))).Length;
    }

    private readonly record struct Vector(double X, double Y)
    {
        public double Length => Math.Sqrt((X * X) + (Y * Y));

        public static Vector operator -(Vector a, Vector b) => new(a.X - b.X, a.Y - b.Y);

        public static Vector operator +(Vector a, Vector b) => new(a.X + b.X, a.Y + b.Y);

        public static Vector operator *(Vector a, double k) => new(a.X * k, a.Y * k);

        public static double Dot(Vector a, Vector b) => (a.X * b.X) + (a.Y * b.Y);
    }
}
