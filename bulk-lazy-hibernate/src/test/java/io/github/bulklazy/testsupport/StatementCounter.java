package io.github.bulklazy.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

/**
 * Counts the statements a data source executes, at the JDBC level: every {@code execute*} call
 * on a statement it created, with the SQL it ran.
 */
public final class StatementCounter {

	private static final Set<String> EXECUTE_METHODS = Set.of("execute", "executeQuery", "executeUpdate",
			"executeLargeUpdate", "executeBatch", "executeLargeBatch");

	private final List<String> executed = Collections.synchronizedList(new ArrayList<>());

	/** Wraps a data source so that this counter sees its statements. */
	public DataSource wrap(DataSource dataSource) {
		return proxy(DataSource.class, dataSource, null);
	}

	public void reset() {
		this.executed.clear();
	}

	public int count() {
		return this.executed.size();
	}

	public List<String> statements() {
		synchronized (this.executed) {
			return List.copyOf(this.executed);
		}
	}

	@SuppressWarnings("unchecked")
	private <T> T proxy(Class<T> type, T target, String sql) {
		InvocationHandler handler = (proxy, method, args) -> intercept(target, method, args, sql);
		return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type }, handler);
	}

	private Object intercept(Object target, Method method, Object[] args, String sql) throws Throwable {
		if (target instanceof Statement && EXECUTE_METHODS.contains(method.getName())) {
			this.executed.add((args != null && args.length > 0 && args[0] instanceof String text) ? text : sql);
		}
		Object result;
		try {
			result = method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
		if (result instanceof Connection connection && method.getReturnType() == Connection.class) {
			return proxy(Connection.class, connection, null);
		}
		if (result instanceof Statement statement && Statement.class.isAssignableFrom(method.getReturnType())) {
			String statementSql = (args != null && args.length > 0 && args[0] instanceof String text) ? text : null;
			return proxy(statementType(method.getReturnType()), statement, statementSql);
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	private static Class<Statement> statementType(Class<?> returnType) {
		return (Class<Statement>) returnType;
	}

}
