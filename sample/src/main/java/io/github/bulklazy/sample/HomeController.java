package io.github.bulklazy.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.github.bulklazy.hibernate.Association;
import io.github.bulklazy.hibernate.AssociationStatistics;
import io.github.bulklazy.hibernate.BulkLazyPlan;
import io.github.bulklazy.hibernate.BulkLazyPlans;
import io.github.bulklazy.hibernate.RemainingNPlusOneLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: runs the read of each sample page twice, with bulk-lazy and with bulk-lazy
 * switched off for the session, and shows their statements and times side by side; then what
 * {@code /actuator/bulklazy} reports: every association with its counters, and the remaining N+1.
 */
@Controller
class HomeController {

	private final SchoolReports reports;

	private final MeasuredReads reads;

	private final ObjectProvider<BulkLazyPlans> plans;

	HomeController(SchoolReports reports, MeasuredReads reads, ObjectProvider<BulkLazyPlans> plans) {
		this.reports = reports;
		this.reads = reads;
		this.plans = plans;
	}

	@GetMapping("/")
	String home(Model model) {
		List<PageComparison> pages = List.of(
				compare("/schools", "every school with its district, its students and their courses",
						this.reports::schools),
				compare("/api/students", String.format(Locale.ROOT,
						"the first %,d students with their school, district, city and courses",
						SchoolController.STUDENT_LIST_LENGTH),
						() -> this.reports.students(SchoolController.STUDENT_LIST_LENGTH)));
		model.addAttribute("pages", pages);
		model.addAttribute("chart", TimeChart.of(pages));
		BulkLazyPlans plans = this.plans.getIfAvailable();
		model.addAttribute("factories", (plans != null) ? plans.all().stream().map(FactoryReport::of).toList() : null);
		return "home";
	}

	private PageComparison compare(String path, String description, Supplier<?> read) {
		return new PageComparison(path, description, this.reads.run(true, read), this.reads.run(false, read));
	}

	/**
	 * One page's read, run with bulk-lazy and without.
	 *
	 * @param path the page
	 * @param description what it reads
	 * @param bulk the run with bulk-lazy as configured
	 * @param plain the run with bulk-lazy switched off for its session
	 */
	public record PageComparison(String path, String description, MeasuredReads.Measured<?> bulk,
			MeasuredReads.Measured<?> plain) {

		/** {@code 204× fewer statements}. */
		public String fewerStatements() {
			return factor(this.plain.statements(), this.bulk.statements(), "fewer statements", "more statements");
		}

		/** {@code 12× faster}, or {@code 1.2× slower}. */
		public String faster() {
			return factor(this.plain.nanos(), this.bulk.nanos(), "faster", "slower");
		}

		private static String factor(double plain, double bulk, String better, String worse) {
			return (plain >= bulk) ? times(plain / bulk) + " " + better : times(bulk / plain) + " " + worse;
		}

		/** A ratio with one decimal below 10, else rounded: {@code 3.4×}, {@code 204×}. */
		private static String times(double ratio) {
			return String.format(Locale.ROOT, (ratio < 10) ? "%.1f\u00d7" : "%,.0f\u00d7", ratio);
		}

	}

	/**
	 * The home page's chart: a horizontal bar per page and run, as long as its time relative to the
	 * longest. Its geometry is in pixels.
	 *
	 * @param bars the bars, top to bottom
	 * @param height the drawing's height
	 */
	public record TimeChart(List<Bar> bars, int height) {

		private static final int WIDTH = 760;

		private static final int BARS_X = 240;

		private static final int LONGEST_BAR = 420;

		private static final int BAR_HEIGHT = 20;

		private static final int BAR_GAP = 4;

		private static final int PAGE_GAP = 16;

		static TimeChart of(List<PageComparison> pages) {
			double longest = pages.stream()
				.mapToLong((page) -> Math.max(page.bulk().nanos(), page.plain().nanos()))
				.max()
				.orElse(1);
			List<Bar> bars = new ArrayList<>();
			int y = 0;
			for (PageComparison page : pages) {
				bars.add(Bar.of(page.path() + " with bulk-lazy", "bulk", page.bulk(), longest, y));
				y += BAR_HEIGHT + BAR_GAP;
				bars.add(Bar.of(page.path() + " without", "plain", page.plain(), longest, y));
				y += BAR_HEIGHT + PAGE_GAP;
			}
			return new TimeChart(bars, y - PAGE_GAP);
		}

		/** The drawing's width. */
		public int width() {
			return WIDTH;
		}

		/** Where the bars start: their labels are to the left. */
		public int barsX() {
			return BARS_X;
		}

		/**
		 * One bar.
		 *
		 * @param label what it measures, left of the bar
		 * @param kind {@code bulk} or {@code plain}, its CSS class
		 * @param millis the time, written right of the bar
		 * @param y its top
		 * @param width its length, at least one pixel
		 */
		public record Bar(String label, String kind, String millis, int y, int width) {

			static Bar of(String label, String kind, MeasuredReads.Measured<?> run, double longest, int y) {
				int width = (int) Math.max(1, Math.round(run.nanos() / longest * LONGEST_BAR));
				return new Bar(label, kind, run.millis(), y, width);
			}

			/** The height of the bar. */
			public int height() {
				return BAR_HEIGHT;
			}

			/** The baseline of its texts, in the middle of the bar. */
			public int textY() {
				return this.y + BAR_HEIGHT * 3 / 4;
			}

			/** Where its time is written: right of its end. */
			public int millisX() {
				return BARS_X + this.width + 6;
			}

		}

	}

	/**
	 * What bulk-lazy reports for one entity manager factory.
	 *
	 * @param name the factory's bean name
	 * @param chunkSize keys per bulk statement
	 * @param associations its lazy associations by name
	 * @param remainingNPlusOne where an association loaded one key at a time again, most loads first
	 */
	public record FactoryReport(String name, int chunkSize, List<AssociationRow> associations,
			List<RemainingNPlusOneLog.Count> remainingNPlusOne) {

		static FactoryReport of(BulkLazyPlan plan) {
			List<AssociationRow> associations = plan.associations()
				.stream()
				.sorted(Comparator.comparing(Association::name))
				.map((association) -> AssociationRow.of(association, plan.statistics(association)))
				.toList();
			return new FactoryReport(plan.name(), plan.chunkSize(), associations,
					plan.remainingNPlusOne().mostFrequent());
		}

	}

	/**
	 * One association and its counters since start-up.
	 *
	 * @param name {@code Student.school}
	 * @param mode {@code bulk}, {@code excluded} or {@code fallback}
	 * @param reason why it is excluded or falls back, empty when bulk-loaded
	 * @param batches bulk statements issued
	 * @param queriesSaved statements saved
	 * @param fallbacks lazy loads that ran a statement for one key
	 */
	public record AssociationRow(String name, String mode, String reason, long batches, long queriesSaved,
			long fallbacks) {

		static AssociationRow of(Association association, AssociationStatistics statistics) {
			return new AssociationRow(association.name(), association.mode().name().toLowerCase(Locale.ROOT),
					(association.reason() != null) ? association.reason().description() : "", statistics.batches(),
					statistics.queriesSaved(), statistics.fallbacks());
		}

	}

}
