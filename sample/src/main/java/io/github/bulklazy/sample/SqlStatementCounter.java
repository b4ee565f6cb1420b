package io.github.bulklazy.sample;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the SQL statements Hibernate prepares while a request is handled: registered as
 * Hibernate's statement inspector, reset by this filter when a request starts.
 */
@Component
public class SqlStatementCounter extends OncePerRequestFilter implements StatementInspector {

	private static final ThreadLocal<int[]> statements = ThreadLocal.withInitial(() -> new int[1]);

	/** Statements the current request ran so far. */
	public static int count() {
		return statements.get()[0];
	}

	@Override
	public String inspect(String sql) {
		statements.get()[0]++;
		return sql;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		statements.get()[0] = 0;
		chain.doFilter(request, response);
	}

}
