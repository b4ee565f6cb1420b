package io.github.bulklazy.sample;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The endpoints: every response says how many SQL statements it ran, in the
 * {@value #STATEMENTS_HEADER} header and on the page.
 */
@Controller
class SchoolController {

	static final String STATEMENTS_HEADER = "X-Sql-Statements";

	private final SchoolReports reports;

	private final boolean bulkLazy;

	SchoolController(SchoolReports reports, @Value("${bulk-lazy.enabled:true}") boolean bulkLazy) {
		this.reports = reports;
		this.bulkLazy = bulkLazy;
	}

	@GetMapping("/api/students")
	@ResponseBody
	ResponseEntity<List<SchoolReports.StudentView>> students(@RequestParam(defaultValue = "1000") int limit) {
		List<SchoolReports.StudentView> students = this.reports.students(limit);
		return ResponseEntity.ok().header(STATEMENTS_HEADER, String.valueOf(SqlStatementCounter.count())).body(students);
	}

	@GetMapping({ "/", "/schools" })
	String schools(Model model, HttpServletResponse response) {
		List<SchoolReports.SchoolView> schools = this.reports.schools();
		int statements = SqlStatementCounter.count();
		response.setHeader(STATEMENTS_HEADER, String.valueOf(statements));
		model.addAttribute("schools", schools);
		model.addAttribute("statements", statements);
		model.addAttribute("bulkLazy", this.bulkLazy);
		return "schools";
	}

}
