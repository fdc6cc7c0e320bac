package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.scenarios.Percentiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import javax.imageio.ImageIO;

/**
 * The latency report's PNG: on the left the latency by percentile at the fixed rate (one curve per consumer and one
 * for all), on the right the median and 99th percentile against the offered rate of each step.
 */
final class LatencyChart {

    private static final int WIDTH = 1500;
    private static final int HEIGHT = 590;
    private static final List<Color> COLORS =
            List.of(new Color(0x222222), new Color(0x1F77B4), new Color(0xE6730F), new Color(0x2CA02C));
    private static final Color SHORT = new Color(0xD62728);
    private static final double TOP_PERCENTILE = 99.95;

    private LatencyChart() {}

    static void write(Path png, StepResult steady, List<StepResult> steps, LatencySettings settings)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        percentileCurves(g, steady);
        ladder(g, steps, settings);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void percentileCurves(Graphics2D g, StepResult steady) {
        Map<String, Percentiles> curves = new java.util.LinkedHashMap<>();
        curves.put("all event consumers", steady.all());
        curves.putAll(steady.byConsumer());
        double top = niceCeiling(steady.all().at(TOP_PERCENTILE) / 1000.0);
        double xMax = axisOf(TOP_PERCENTILE);
        ChartPanel panel = new ChartPanel(100, 60, 590, 460, 0, xMax, 0, top);
        List<ChartPanel.Tick> xTicks = new ArrayList<>();
        for (double p : new double[] {0, 50, 90, 99, 99.9}) {
            xTicks.add(new ChartPanel.Tick(axisOf(p), p == 0 ? "min" : ChartPanel.label(p)));
        }
        List<ChartPanel.Tick> yTicks = new ArrayList<>();
        double step = niceStep(top / 6);
        for (double v = 0; v <= top + 1e-9; v += step) {
            yTicks.add(new ChartPanel.Tick(v, ChartPanel.label(v)));
        }
        panel.frame(
                g,
                String.format(
                        Locale.ROOT,
                        "Commit to consumer row, %,d events/s offered, %,.0f achieved (%,d samples)",
                        steady.offeredRate(),
                        steady.achievedRate(),
                        steady.all().count()),
                "percentile (log scale of 1 / (1 - p))",
                "latency (ms)",
                xTicks,
                yTicks);
        int i = 0;
        for (Percentiles latencies : curves.values()) {
            Path2D.Double line = new Path2D.Double();
            for (int s = 0; s <= 400; s++) {
                double x = xMax * s / 400;
                double p = 100 * (1 - Math.pow(10, -x));
                double ms = latencies.at(p) / 1000.0;
                if (s == 0) {
                    line.moveTo(panel.x(x), panel.y(ms));
                } else {
                    line.lineTo(panel.x(x), panel.y(ms));
                }
            }
            g.setColor(COLORS.get(i++ % COLORS.size()));
            g.setStroke(new BasicStroke(i == 1 ? 2.8f : 1.8f));
            g.draw(line);
        }
        panel.legend(g, new ArrayList<>(curves.keySet()), COLORS.subList(0, curves.size()));
    }

    private static void ladder(Graphics2D g, List<StepResult> steps, LatencySettings settings) {
        if (steps.isEmpty()) {
            return;
        }
        double maxRate = steps.stream().mapToInt(StepResult::offeredRate).max().orElse(1);
        double low = steps.stream().mapToLong(s -> s.all().at(50)).min().orElse(1) / 1000.0;
        double high = steps.stream().mapToLong(s -> s.all().at(99)).max().orElse(1) / 1000.0;
        double yMin = Math.pow(10, Math.floor(Math.log10(Math.max(0.1, low / 1.5))));
        double yMax = Math.pow(10, Math.ceil(Math.log10(Math.max(high * 1.5, yMin * 10))));
        double xMax = niceCeiling(maxRate * 1.08);
        ChartPanel panel = new ChartPanel(870, 60, 590, 460, 0, xMax, Math.log10(yMin), Math.log10(yMax));
        List<ChartPanel.Tick> xTicks = new ArrayList<>();
        double step = niceStep(xMax / 6);
        for (double v = 0; v <= xMax + 1e-9; v += step) {
            xTicks.add(new ChartPanel.Tick(v, ChartPanel.label(v)));
        }
        panel.frame(
                g,
                String.format(
                        Locale.ROOT,
                        "Latency against offered rate (%d s per step)",
                        settings.stepLength().toSeconds()),
                "offered rate (events/s); labels: achieved rate, red below 95 %; open markers: not sustained",
                "latency (ms, log scale)",
                xTicks,
                ChartPanel.logTicks(yMin, yMax, Math::log10));
        series(g, panel, steps, s -> s.all().at(50), COLORS.get(1), false);
        series(g, panel, steps, s -> s.all().at(99), COLORS.get(2), true);
        panel.legend(g, List.of("p50", "p99"), List.of(COLORS.get(1), COLORS.get(2)));
    }

    private static void series(
            Graphics2D g,
            ChartPanel panel,
            List<StepResult> steps,
            ToLongFunction<StepResult> micros,
            Color color,
            boolean labelled) {
        Path2D.Double line = new Path2D.Double();
        for (int i = 0; i < steps.size(); i++) {
            int x = panel.x(steps.get(i).offeredRate());
            int y = panel.y(Math.log10(Math.max(1, micros.applyAsLong(steps.get(i))) / 1000.0));
            if (i == 0) {
                line.moveTo(x, y);
            } else {
                line.lineTo(x, y);
            }
        }
        g.setColor(color);
        g.setStroke(new BasicStroke(2.2f));
        g.draw(line);
        for (StepResult step : steps) {
            int x = panel.x(step.offeredRate());
            int y = panel.y(Math.log10(Math.max(1, micros.applyAsLong(step)) / 1000.0));
            if (step.sustained()) {
                g.setColor(color);
                g.fillOval(x - 5, y - 5, 10, 10);
            } else {
                g.setColor(Color.WHITE);
                g.fillOval(x - 6, y - 6, 12, 12);
                g.setColor(color);
                g.setStroke(new BasicStroke(2.5f));
                g.drawOval(x - 6, y - 6, 12, 12);
            }
            if (labelled) {
                g.setColor(step.driverLimited() ? SHORT : ChartPanel.TEXT);
                g.setFont(ChartPanel.LABEL);
                String text = String.format(Locale.ROOT, "%,.0f/s", step.achievedRate());
                g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y - 12);
            }
        }
    }

    /** The x-axis position of a percentile: log10 of 1 / (1 - p). */
    private static double axisOf(double percentile) {
        return Math.log10(1 / (1 - percentile / 100));
    }

    private static double niceCeiling(double value) {
        double step = niceStep(value / 6);
        return Math.max(step, Math.ceil(value / step) * step);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    private static double niceStep(double rough) {
        double decade = Math.pow(10, Math.floor(Math.log10(Math.max(rough, 1e-9))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (decade * m >= rough) {
                return decade * m;
            }
        }
        return decade * 10;
    }
}
