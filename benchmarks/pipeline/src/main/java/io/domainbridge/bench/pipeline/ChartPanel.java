package io.domainbridge.bench.pipeline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * One panel of a chart: a plot area at a place in the image, with x and y ranges in axis units (already transformed
 * when an axis is logarithmic), and the drawing of frame, grid, ticks, labels and title.
 */
final class ChartPanel {

    /** A tick: its position in axis units and its label. */
    record Tick(double at, String label) {}

    static final Color GRID = new Color(0xE3E3E3);
    static final Color TEXT = new Color(0x222222);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);

    private final int left;
    private final int top;
    private final int width;
    private final int height;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;

    ChartPanel(int left, int top, int width, int height, double xMin, double xMax, double yMin, double yMax) {
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    int x(double value) {
        return left + (int) Math.round((value - xMin) / (xMax - xMin) * width);
    }

    int y(double value) {
        double clamped = Math.max(yMin, Math.min(yMax, value));
        return top + height - (int) Math.round((clamped - yMin) / (yMax - yMin) * height);
    }

    void frame(Graphics2D g, String title, String xLabel, String yLabel, List<Tick> xTicks, List<Tick> yTicks) {
        g.setFont(LABEL);
        for (Tick tick : xTicks) {
            g.setColor(GRID);
            g.drawLine(x(tick.at()), top, x(tick.at()), top + height);
            g.setColor(TEXT);
            int w = g.getFontMetrics().stringWidth(tick.label());
            g.drawString(tick.label(), x(tick.at()) - w / 2, top + height + 18);
        }
        for (Tick tick : yTicks) {
            g.setColor(GRID);
            g.drawLine(left, y(tick.at()), left + width, y(tick.at()));
            g.setColor(TEXT);
            int w = g.getFontMetrics().stringWidth(tick.label());
            g.drawString(tick.label(), left - w - 8, y(tick.at()) + 5);
        }
        g.setColor(TEXT);
        g.setStroke(new BasicStroke(1.2f));
        g.drawRect(left, top, width, height);
        int w = g.getFontMetrics().stringWidth(xLabel);
        g.drawString(xLabel, left + (width - w) / 2, top + height + 42);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        w = g.getFontMetrics().stringWidth(yLabel);
        g.drawString(yLabel, -(top + (height + w) / 2), left - 52);
        g.setTransform(saved);
        g.setFont(TITLE);
        g.drawString(title, left, top - 14);
    }

    /** A legend box in the panel's top left corner: one coloured line per label. */
    void legend(Graphics2D g, List<String> labels, List<Color> colors) {
        g.setFont(LABEL);
        int boxWidth =
                labels.stream().mapToInt(g.getFontMetrics()::stringWidth).max().orElse(0) + 50;
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(left + 12, top + 12, boxWidth, 22 * labels.size() + 8);
        g.setColor(GRID);
        g.drawRect(left + 12, top + 12, boxWidth, 22 * labels.size() + 8);
        for (int i = 0; i < labels.size(); i++) {
            int y = top + 30 + 22 * i;
            g.setColor(colors.get(i));
            g.setStroke(new BasicStroke(2.5f));
            g.drawLine(left + 20, y - 4, left + 44, y - 4);
            g.setColor(TEXT);
            g.drawString(labels.get(i), left + 52, y);
        }
    }

    /** Ticks on a logarithmic axis (values given by {@code toAxis}) at 1, 2 and 5 times the powers of ten. */
    static List<Tick> logTicks(double min, double max, DoubleUnaryOperator toAxis) {
        List<Tick> ticks = new java.util.ArrayList<>();
        for (double decade = Math.pow(10, Math.floor(Math.log10(min))); decade <= max; decade *= 10) {
            for (double m : new double[] {1, 2, 5}) {
                double value = decade * m;
                if (value >= min && value <= max) {
                    ticks.add(new Tick(toAxis.applyAsDouble(value), label(value)));
                }
            }
        }
        return ticks;
    }

    static String label(double value) {
        return value == Math.rint(value) ? String.format("%,d", (long) value) : String.valueOf(value);
    }
}
