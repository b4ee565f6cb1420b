package io.github.bulklazy.sample;

import java.util.List;

import io.github.bulklazy.hibernate.BulkLazyPlans;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The sample's pages: every response says how many SQL statements it ran, in the
 * {@value #STATEMENTS_HEADER} header and on the page. With {@code ?bulk-lazy=off} a page runs
 * its read with bulk-lazy switched off for its session: plain Hibernate, in the same application.
 */
@Controller
class SchoolController {

	static final String STATEMENTS_HEADER = "X-Sql-Statements";

	/** The request parameter that switches bulk-lazy off for one request: {@code on} or {@code off}. */
	static final String SWITCH_PARAMETER = "bulk-lazy";

	/** How many students {@code /api/students} lists without a {@code limit}. */
	static final int STUDENT_LIST_LENGTH = 1000;

	private final SchoolReports reports;

	private final MeasuredReads reads;

	private final boolean bulkLazyInstalled;

	SchoolController(SchoolReports reports, MeasuredReads reads, ObjectProvider<BulkLazyPlans> plans) {
		this.reports = reports;
		this.reads = reads;
		this.bulkLazyInstalled = plans.getIfAvailable() != null;
	}

	@GetMapping("/api/students")
	@ResponseBody
	ResponseEntity<List<SchoolReports.StudentView>> students(@RequestParam(required = false) Integer limit,
			@RequestParam(name = SWITCH_PARAMETER, defaultValue = "on") boolean bulkLazy) {
		int length = (limit != null) ? limit : STUDENT_LIST_LENGTH;
		MeasuredReads.Measured<List<SchoolReports.StudentView>> students = this.reads.run(bulkLazy,
				() -> this.reports.students(length));
		return ResponseEntity.ok()
			.header(STATEMENTS_HEADER, String.valueOf(students.statements()))
			.body(students.result());
	}

	@GetMapping("/schools")
	String schools(@RequestParam(name = SWITCH_PARAMETER, defaultValue = "on") boolean bulkLazy, Model model,
			HttpServletResponse response) {
		MeasuredReads.Measured<List<SchoolReports.SchoolView>> schools = this.reads.run(bulkLazy, this.reports::schools);
		response.setHeader(STATEMENTS_HEADER, String.valueOf(schools.statements()));
		model.addAttribute("schools", schools.result());
		model.addAttribute("statements", schools.statements());
		model.addAttribute("millis", schools.millis());
		model.addAttribute("bulkLazy", bulkLazy && this.bulkLazyInstalled);
		model.addAttribute("bulkLazyInstalled", this.bulkLazyInstalled);
		return "schools";
	}

}
