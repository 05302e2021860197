package dev.sspr.admin;

import dev.sspr.audit.ActivityReports.DailyOutcomes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's charts as plain geometry for server-side SVG: no script, no CDN, nothing the
 * content security policy must allow. All sizes are in the SVG's own units (its viewBox).
 */
final class Charts {

	static final int WIDTH = 600;
	static final int HEIGHT = 220;
	/** Room under the days for their dates, which the style sheet enlarges on a narrow screen. */
	static final int AXIS = 40;

	private Charts() {
	}

	/** A rectangle with its CSS class and the count it stands for (its tooltip). */
	record Bar(double x, double y, double width, double height, String css, int value, String label) {
	}

	/** A dated tick on the time axis. */
	record Tick(double x, double y, LocalDate day, String anchor) {
	}

	record Segment(String key, int value, double x, double width, String css) {
	}

	/** Coverage: one bar split into parts proportional to their counts. */
	static List<Segment> stacked(Map<String, Integer> parts, String... css) {
		int total = parts.values().stream().mapToInt(Integer::intValue).sum();
		List<Segment> segments = new ArrayList<>();
		double x = 0;
		int i = 0;
		for (Map.Entry<String, Integer> part : parts.entrySet()) {
			double width = total == 0 ? 0 : WIDTH * part.getValue() / (double) total;
			segments.add(new Segment(part.getKey(), part.getValue(), round(x), round(width), css[i++ % css.length]));
			x += width;
		}
		return segments;
	}

	/** Resets per day: a column per day, successes under failures. */
	record Daily(List<Bar> bars, List<Tick> ticks, int max) {
	}

	static Daily daily(List<DailyOutcomes> days) {
		int max = Math.max(1, days.stream().mapToInt(d -> d.succeeded() + d.failed()).max().orElse(0));
		double slot = WIDTH / (double) Math.max(1, days.size());
		double plot = HEIGHT - AXIS;
		List<Bar> bars = new ArrayList<>();
		List<Tick> ticks = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			DailyOutcomes day = days.get(i);
			double x = i * slot + slot * 0.15;
			double width = slot * 0.7;
			double ok = plot * day.succeeded() / max;
			double failed = plot * day.failed() / max;
			String label = day.day().toString();
			bars.add(new Bar(round(x), round(plot - ok), round(width), round(ok), "bar-ok", day.succeeded(), label));
			bars.add(new Bar(round(x), round(plot - ok - failed), round(width), round(failed), "bar-failed", day.failed(), label));
			// A date a week apart, from the newest backwards, so the last day is always labelled.
			if ((days.size() - 1 - i) % 7 == 0 && i >= 2) {
				boolean last = i == days.size() - 1;
				ticks.add(new Tick(round(last ? x + width : x + width / 2), HEIGHT - 8, day.day(), last ? "end" : "middle"));
			}
		}
		return new Daily(bars, ticks, max);
	}

	/** The drawing of one ranking row: a bar in a {@code RANK_WIDTH} by {@code RANK_HEIGHT} box, stretched to its line. */
	static final int RANK_WIDTH = 100;
	static final int RANK_HEIGHT = 10;

	/**
	 * Horizontal bars in the order given, for the top refusal reasons and the methods, the largest
	 * full width. Each row is drawn on its own beside its label and count, which are page text: legible
	 * at any width and read by screen readers.
	 */
	static List<Bar> ranking(Map<String, Integer> counts) {
		int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(0));
		List<Bar> bars = new ArrayList<>();
		for (Map.Entry<String, Integer> count : counts.entrySet()) {
			double width = RANK_WIDTH * count.getValue() / (double) max;
			bars.add(new Bar(0, 0, round(width), RANK_HEIGHT, "bar-failed", count.getValue(), count.getKey()));
		}
		return bars;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}
}
