package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sspr.audit.ActivityReports.DailyOutcomes;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The dashboard's geometry: bars proportional to their counts, nothing outside the drawing. */
class ChartsTests {

	@Test
	void whenCoverageIsSplitThenThePartsFillTheBarInProportion() {
		Map<String, Integer> parts = new LinkedHashMap<>(Map.of("capable", 3));
		parts.put("registered", 1);
		parts.put("notRegistered", 0);
		List<Charts.Segment> segments = Charts.stacked(parts, "a", "b", "c");
		assertThat(segments).extracting(Charts.Segment::width).containsExactly(450.0, 150.0, 0.0);
		assertThat(segments.get(1).x()).isEqualTo(450.0);
		assertThat(Charts.stacked(Map.of("capable", 0), "a")).extracting(Charts.Segment::width).containsExactly(0.0);
	}

	@Test
	void whenDaysAreDrawnThenTheBusiestDayIsFullHeightAndTheLastDayIsLabelled() {
		LocalDate today = LocalDate.of(2026, 11, 23);
		List<DailyOutcomes> days = IntStream.range(0, 30)
				.mapToObj(i -> new DailyOutcomes(today.minusDays(29 - i), i == 10 ? 3 : 0, i == 10 ? 1 : i % 2)).toList();
		Charts.Daily daily = Charts.daily(days);
		assertThat(daily.max()).isEqualTo(4);
		double plot = Charts.HEIGHT - Charts.AXIS;
		Charts.Bar ok = daily.bars().get(20);
		Charts.Bar failed = daily.bars().get(21);
		assertThat(ok.height() + failed.height()).isCloseTo(plot, within(0.2));
		assertThat(failed.y()).isCloseTo(0.0, within(0.2));
		assertThat(daily.bars()).allSatisfy(bar -> {
			assertThat(bar.x()).isBetween(0.0, (double) Charts.WIDTH);
			assertThat(bar.x() + bar.width()).isLessThanOrEqualTo(Charts.WIDTH);
			assertThat(bar.y()).isGreaterThanOrEqualTo(-0.1);
		});
		assertThat(daily.ticks()).last().satisfies(tick -> {
			assertThat(tick.day()).isEqualTo(today);
			assertThat(tick.anchor()).isEqualTo("end");
		});
	}

	@Test
	void whenReasonsAreRankedThenTheMostFrequentFillsItsRowAndTheOthersAreInProportion() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("NOT_ENOUGH_METHODS", 10);
		counts.put("NOT_LICENSED", 5);
		counts.put("NOT_ENABLED", 0);
		List<Charts.Bar> bars = Charts.ranking(counts);
		assertThat(bars).extracting(Charts.Bar::width).containsExactly((double) Charts.RANK_WIDTH, Charts.RANK_WIDTH / 2.0, 0.0);
		assertThat(bars).extracting(Charts.Bar::label).containsExactly("NOT_ENOUGH_METHODS", "NOT_LICENSED", "NOT_ENABLED");
		assertThat(bars).extracting(Charts.Bar::value).containsExactly(10, 5, 0);
		assertThat(Charts.ranking(Map.of("email", 0))).extracting(Charts.Bar::width).containsExactly(0.0);
	}
}
