package io.shoal.bench.paper;

import io.shoal.bench.paper.PaperRun.Metric;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG charts like the paper's Figures 10-12 (XChart): per trace and metric, the metric against
 * the number of servers, one line per strategy and architecture — distributed solid, centralized
 * dashed, the same colour for the same strategy; servers on a logarithmic axis when they span more than 16x.
 */
public final class PaperCharts {
  private static final Color[] COLOURS = {
      new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
      new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};
  private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
      10f, new float[] {6f, 4f}, 0f);
  private static final BasicStroke SOLID = new BasicStroke(2f);

  private PaperCharts() {}

  /** Writes {@code TRACE-METRIC.png} into {@code dir} for each trace and metric; returns the files. */
  public static List<Path> write(PaperTables tables, Path dir) {
    List<Path> files = new ArrayList<>();
    for (String trace : tables.traces()) {
      for (Metric m : Metric.values()) {
        Path file = dir.resolve(trace + "-" + m.id() + ".png");
        save(chart(tables, trace, m), file);
        files.add(file);
      }
    }
    return files;
  }

  /**
   * Draws a small chart in memory, so Java2D, its fonts and ImageIO are loaded before the
   * experiment starts: charts drawn for partial results while the JVM shuts down (Ctrl-C) then
   * need no new class or native initialisation.
   */
  public static void warmUp() {
    XYChart chart = new XYChartBuilder().width(120).height(80).title("warm-up").build();
    chart.addSeries("s", new double[] {1, 2}, new double[] {1, 2});
    try {
      BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw a chart: " + e.getMessage(), e);
    }
  }

  static XYChart chart(PaperTables tables, String trace, Metric m) {
    XYChart chart = new XYChartBuilder().width(900).height(560)
        .title(trace + ": " + m.title() + " vs servers (solid: distributed AS-*, dashed: centralized)")
        .xAxisTitle("servers").yAxisTitle(m.title()).build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setYAxisMin(0.0);
    List<Integer> servers = tables.servers(trace);
    // a grid past one machine (1 to 256 servers) reads on a logarithmic axis; the paper's 1-16 on a linear one
    chart.getStyler().setXAxisLogarithmic(servers.get(servers.size() - 1) > 16 * servers.get(0));
    List<String> strategies = tables.strategies(trace);
    for (Arch a : tables.archs(trace)) {
      for (int i = 0; i < strategies.size(); i++) {
        String s = strategies.get(i);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int n : tables.servers(trace)) {
          PaperCell r = tables.find(trace, n, s, a);
          if (r != null && !Double.isNaN(r.metric(m))) {
            xs.add((double) n);
            ys.add(r.metric(m));
          }
        }
        if (xs.isEmpty()) {
          continue;
        }
        XYSeries series = chart.addSeries(PaperRun.column(a, s), xs, ys);
        series.setLineColor(COLOURS[i % COLOURS.length]);
        series.setMarkerColor(COLOURS[i % COLOURS.length]);
        series.setMarker(a == Arch.DISTRIBUTED ? SeriesMarkers.CIRCLE : SeriesMarkers.SQUARE);
        series.setLineStyle(a == Arch.DISTRIBUTED ? SOLID : DASHED);
      }
    }
    return chart;
  }

  private static void save(XYChart chart, Path file) {
    try {
      BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
