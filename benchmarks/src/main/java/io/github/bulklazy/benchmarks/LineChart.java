package io.github.bulklazy.benchmarks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A line chart written as SVG: one polyline per series, a logarithmic time axis, error bars, a tick
 * at each measured x and a legend. The x axis is logarithmic or linear.
 */
final class LineChart {

	private static final String[] COLORS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
			"#e377c2", "#7f7f7f", "#17becf" };

	private static final int WIDTH = 760;

	private static final int HEIGHT = 440;

	private static final int LEFT = 70;

	private static final int RIGHT = WIDTH - 210;

	private static final int TOP = 40;

	private static final int BOTTOM = HEIGHT - 55;

	private final String title;

	private final String xLabel;

	private final boolean logX;

	private final String yLabel;

	private final Map<String, List<Point>> series = new LinkedHashMap<>();

	LineChart(String title, String xLabel, boolean logX, String yLabel) {
		this.title = title;
		this.xLabel = xLabel;
		this.logX = logX;
		this.yLabel = yLabel;
	}

	/** Adds a point to a series (in the order of the legend); {@code error} may be 0 or NaN. */
	void add(String seriesName, double x, double y, double error) {
		this.series.computeIfAbsent(seriesName, (key) -> new ArrayList<>()).add(new Point(x, y, error));
	}

	/** Whether the chart has at least two x values to draw lines between. */
	boolean hasLines() {
		return xValues().size() > 1;
	}

	/** The chart as an SVG document; the time axis spans whole decades around the error bars. */
	String svg() {
		TreeSet<Double> xs = xValues();
		double yMin = Math.pow(10, Math.floor(Math.log10(points().mapToDouble((point) -> (point.low() > 0) ? point.low() : point.y)
			.min()
			.orElse(1))));
		double yMax = Math.pow(10, Math.ceil(Math.log10(points().mapToDouble(Point::high).max().orElse(10))));
		Axis x = new Axis(xs.first(), xs.last(), this.logX, LEFT + 20, RIGHT - 20);
		Axis y = new Axis(yMin, yMax, true, BOTTOM, TOP);
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
				+ "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
		svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
		text(svg, WIDTH / 2.0, 22, "middle", "font-size=\"14\" font-weight=\"bold\"", this.title);
		appendAxes(svg, x, xs, y);
		appendSeries(svg, x, y);
		return svg.append("</svg>\n").toString();
	}

	/** Grid lines and labels at 1, 2 and 5 of each decade of time (1 only beyond four decades) and at each x. */
	private void appendAxes(StringBuilder svg, Axis x, TreeSet<Double> xs, Axis y) {
		double tolerance = 1.0001;
		for (double decade = y.min; decade <= y.max * tolerance; decade *= 10) {
			for (int step : new int[] { 1, 2, 5 }) {
				double value = decade * step;
				if (value <= y.max * tolerance && (step == 1 || y.max / y.min <= 1e4)) {
					double at = y.position(value);
					line(svg, LEFT, at, RIGHT, at, (step == 1) ? "#cccccc" : "#eeeeee");
					text(svg, LEFT - 6, at + 4, "end", "", number(value));
				}
			}
		}
		for (double value : xs) {
			double at = x.position(value);
			line(svg, at, TOP, at, BOTTOM, "#eeeeee");
			text(svg, at, BOTTOM + 16, "middle", "", number(value));
		}
		line(svg, LEFT, BOTTOM, RIGHT, BOTTOM, "black");
		line(svg, LEFT, TOP, LEFT, BOTTOM, "black");
		text(svg, (LEFT + RIGHT) / 2.0, BOTTOM + 38, "middle", "", this.xLabel);
		svg.append(String.format(Locale.ROOT,
				"<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">%s</text>%n",
				(TOP + BOTTOM) / 2.0, (TOP + BOTTOM) / 2.0, escape(this.yLabel)));
	}

	/** Per series: its polyline, its points with their error bars, and its line in the legend. */
	private void appendSeries(StringBuilder svg, Axis x, Axis y) {
		int index = 0;
		for (Map.Entry<String, List<Point>> entry : this.series.entrySet()) {
			String color = COLORS[index % COLORS.length];
			List<Point> points = new ArrayList<>(entry.getValue());
			points.sort((a, b) -> Double.compare(a.x, b.x));
			StringBuilder polyline = new StringBuilder();
			for (Point point : points) {
				double px = x.position(point.x);
				polyline.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, y.position(point.y)));
				line(svg, px, y.position(Math.max(point.low(), y.min)), px, y.position(point.high()), color);
				svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px,
						y.position(point.y), color));
			}
			svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
					polyline.toString().trim(), color));
			double legendY = TOP + 10 + index * 20;
			svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"25\" height=\"4\" fill=\"%s\"/>%n",
					RIGHT + 15, legendY - 2, color));
			text(svg, RIGHT + 46, legendY + 4, "start", "", entry.getKey());
			index++;
		}
	}

	private TreeSet<Double> xValues() {
		TreeSet<Double> xs = new TreeSet<>();
		points().forEach((point) -> xs.add(point.x));
		return xs;
	}

	private Stream<Point> points() {
		return this.series.values().stream().flatMap(List::stream);
	}

	private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String color) {
		svg.append(String.format(Locale.ROOT,
				"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n", x1, y1, x2, y2, color));
	}

	private static void text(StringBuilder svg, double x, double y, String anchor, String attributes, String content) {
		svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s</text>%n", x, y,
				anchor, attributes, escape(content)));
	}

	/** A tick label: thousands separated, no trailing zeros. */
	private static String number(double value) {
		return (value >= 1) ? String.format(Locale.ROOT, "%,.0f", value)
				: BigDecimal.valueOf(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** A value and its error: the error bar's ends. */
	private record Point(double x, double y, double error) {

		double low() {
			return Double.isNaN(this.error) ? this.y : this.y - this.error;
		}

		double high() {
			return Double.isNaN(this.error) ? this.y : this.y + this.error;
		}

	}

	/** Maps values from {@code min} to {@code max} onto {@code from} to {@code to}. */
	private record Axis(double min, double max, boolean log, double from, double to) {

		double position(double value) {
			double fraction = (this.max == this.min) ? 0.5
					: this.log ? Math.log(value / this.min) / Math.log(this.max / this.min)
							: (value - this.min) / (this.max - this.min);
			return this.from + fraction * (this.to - this.from);
		}

	}

}
