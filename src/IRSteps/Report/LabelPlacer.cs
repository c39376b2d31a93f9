#nullable disable // not annotated yet: docs/ARCHITECTURE.md, Habits
using System;
using System.Collections.Generic;

namespace IRSteps.Report
{
    /// <summary>
    /// Places point labels so that they overlap neither each other, nor the points, nor the reference lines' labels,
    /// nor (where there is room) the lines, and stay inside the plot: beside the point first, then above or below it, then further off with a leader
    /// line (only where asked: the Pareto front's). A label that finds no free place is left out (the point's tooltip
    /// and the table still name it).
    /// </summary>
    internal sealed class LabelPlacer
    {
        private const double Gap = 3;
        private readonly List<Box> taken = new List<Box>();
        private readonly List<(double X, double Y, double R)> circles = new List<(double, double, double)>();
        private readonly List<(double X1, double Y1, double X2, double Y2)> lines = new List<(double, double, double, double)>();
        private readonly Box bounds;

        public LabelPlacer(Box bounds)
        {
            this.bounds = bounds;
        }

        public void AddCircle(double x, double y, double r) => circles.Add((x, y, r));

        public void AddObstacle(Box box) => taken.Add(box);

        /// <summary>A line no label may cross (the Pareto front, a reference line).</summary>
        public void AddLine(double x1, double y1, double x2, double y2) => lines.Add((x1, y1, x2, y2));

        /// <summary>
        /// A free place for a label of the given size next to the circle at (x, y, r), or null. Leader is true when
        /// the place is far enough from the point to need a line to it.
        /// </summary>
        public Box? Place(double x, double y, double r, double width, double height, bool allowLeader, out bool leader)
        {
            // Clear of the lines if possible; else across one (the labels have a halo that keeps them readable).
            foreach (bool avoidLines in new[] { true, false })
            {
                foreach ((Box box, bool far) in Candidates(x, y, r, width, height))
                {
                    if (far && !allowLeader) break;
                    if (!Fits(box, x, y, avoidLines)) continue;
                    taken.Add(box);
                    leader = far;
                    return box;
                }
            }

            leader = false;
            return null;
        }

        private IEnumerable<(Box, bool)> Candidates(double x, double y, double r, double w, double h)
        {
            double right = x + r + Gap;
            double left = x - r - Gap - w;
            double middle = y - h / 2;
            yield return (new Box(right, middle, w, h), false);
            yield return (new Box(left, middle, w, h), false);
            yield return (new Box(x - w / 2, y - r - Gap - h, w, h), false);
            yield return (new Box(x - w / 2, y + r + Gap, w, h), false);
            yield return (new Box(x + r * 0.7, y - r * 0.7 - h, w, h), false);
            yield return (new Box(x + r * 0.7, y + r * 0.7, w, h), false);
            yield return (new Box(x - r * 0.7 - w, y - r * 0.7 - h, w, h), false);
            yield return (new Box(x - r * 0.7 - w, y + r * 0.7, w, h), false);

            // Further off, a row at a time above and below, with a leader line (for the points that matter most).
            for (int step = 1; step <= 4; step++)
            {
                double dy = step * (h + 2);
                double dx = 10 + step * 2;
                yield return (new Box(right + dx, middle - dy, w, h), true);
                yield return (new Box(right + dx, middle + dy, w, h), true);
                yield return (new Box(left - dx, middle - dy, w, h), true);
                yield return (new Box(left - dx, middle + dy, w, h), true);
            }
        }

        private bool Fits(Box box, double ownX, double ownY, bool avoidLines)
        {
            if (box.X < bounds.X || box.Y < bounds.Y || box.Right > bounds.Right || box.Bottom > bounds.Bottom) return false;
            foreach (Box other in taken)
            {
                if (box.Overlaps(other, 1)) return false;
            }

            foreach ((double cx, double cy, double cr) in circles)
            {
                if (cx == ownX && cy == ownY) continue;
                if (box.Touches(cx, cy, cr + 1)) return false;
            }

            if (!avoidLines) return true;
            foreach ((double x1, double y1, double x2, double y2) in lines)
            {
                if (box.Crosses(x1, y1, x2, y2, 1)) return false;
            }

            return true;
        }
    }

    /// <summary>A rectangle in SVG user units, y downwards.</summary>
    internal readonly struct Box
    {
        public Box(double x, double y, double width, double height)
        {
            X = x;
            Y = y;
            Width = width;
            Height = height;
        }

        public double X { get; }
        public double Y { get; }
        public double Width { get; }
        public double Height { get; }
        public double Right => X + Width;
        public double Bottom => Y + Height;

        public bool Overlaps(Box other, double margin) =>
            X < other.Right + margin && other.X < Right + margin && Y < other.Bottom + margin && other.Y < Bottom + margin;

        /// <summary>True when the circle at (x, y) of radius r reaches into the box.</summary>
        public bool Touches(double x, double y, double r)
        {
            double nearestX = Math.Max(X, Math.Min(x, Right));
            double nearestY = Math.Max(Y, Math.Min(y, Bottom));
            double dx = x - nearestX;
            double dy = y - nearestY;
            return dx * dx + dy * dy < r * r;
        }

        /// <summary>True when the segment from (x1, y1) to (x2, y2) passes through the box grown by margin (Liang-Barsky clipping).</summary>
        public bool Crosses(double x1, double y1, double x2, double y2, double margin)
        {
            double dx = x2 - x1;
            double dy = y2 - y1;
            double enter = 0;
            double leave = 1;
            double[] p = { -dx, dx, -dy, dy };
            double[] q = { x1 - (X - margin), Right + margin - x1, y1 - (Y - margin), Bottom + margin - y1 };
            for (int i = 0; i < 4; i++)
            {
                if (p[i] == 0)
                {
                    if (q[i] < 0) return false;
                    continue;
                }

                double t = q[i] / p[i];
                if (p[i] < 0) enter = Math.Max(enter, t);
                else leave = Math.Min(leave, t);
                if (enter > leave) return false;
            }

            return true;
        }

        /// <summary>The point of the box's edge nearest to (x, y): where a leader line ends.</summary>
        public (double X, double Y) Nearest(double x, double y) => (Math.Max(X, Math.Min(x, Right)), Math.Max(Y, Math.Min(y, Bottom)));
    }
}
