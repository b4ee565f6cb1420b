package io.github.bulklazy.test.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.jspecify.annotations.Nullable;

/**
 * JDK proxies that tell {@link Sinks} of every statement executed through the connections of a
 * Hibernate connection provider: each {@code execute...} call is one statement, a batch included.
 */
final class RecordingJdbc {

	private RecordingJdbc() {
	}

	/**
	 * A proxy of a connection provider that records the statements of the connections it hands
	 * out. It implements every public interface the provider does, so that Hibernate configures,
	 * starts and stops the provider through it.
	 */
	static ConnectionProvider connectionProvider(ConnectionProvider provider) {
		Set<Class<?>> interfaces = new LinkedHashSet<>();
		for (Class<?> type = provider.getClass(); type != null; type = type.getSuperclass()) {
			Arrays.stream(type.getInterfaces())
				.filter((candidate) -> Modifier.isPublic(candidate.getModifiers()))
				.forEach(interfaces::add);
		}
		return (ConnectionProvider) Proxy.newProxyInstance(provider.getClass().getClassLoader(),
				interfaces.toArray(Class<?>[]::new), new ConnectionProviderHandler(provider));
	}

	static Connection connection(Connection connection) {
		return (Connection) Proxy.newProxyInstance(RecordingJdbc.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new ConnectionHandler(connection));
	}

	/** The connection a proxy of {@link #connection} wraps, or the connection itself. */
	static Connection unwrap(Connection connection) {
		return (Proxy.isProxyClass(connection.getClass())
				&& Proxy.getInvocationHandler(connection) instanceof ConnectionHandler handler) ? handler.target
						: connection;
	}

	static @Nullable Object invoke(Object target, Method method, @Nullable Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private record ConnectionProviderHandler(ConnectionProvider target) implements InvocationHandler {

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] arguments)
				throws Throwable {
			@Nullable Object[] args = (arguments != null) ? arguments : new Object[0];
			return switch (method.getName()) {
				case "equals" -> proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				case "getConnection", "getReadOnlyConnection" ->
					connection((Connection) Objects.requireNonNull(RecordingJdbc.invoke(this.target, method, args)));
				case "closeConnection", "closeReadOnlyConnection" ->
					RecordingJdbc.invoke(this.target, method, new Object[] { unwrap((Connection) args[0]) });
				default -> RecordingJdbc.invoke(this.target, method, args);
			};
		}

	}

	private record ConnectionHandler(Connection target) implements InvocationHandler {

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] arguments)
				throws Throwable {
			@Nullable Object[] args = (arguments != null) ? arguments : new Object[0];
			String name = method.getName();
			if (name.equals("equals")) {
				return proxy == args[0];
			}
			if (name.equals("hashCode")) {
				return System.identityHashCode(proxy);
			}
			Object result = RecordingJdbc.invoke(this.target, method, args);
			if (result instanceof Statement statement && !name.equals("unwrap")) {
				String sql = (args.length > 0 && args[0] instanceof String text) ? text : null;
				Class<?> type = (result instanceof CallableStatement) ? CallableStatement.class
						: (result instanceof PreparedStatement) ? PreparedStatement.class : Statement.class;
				return Proxy.newProxyInstance(RecordingJdbc.class.getClassLoader(), new Class<?>[] { type },
						new StatementHandler(statement, sql));
			}
			return result;
		}

	}

	private static final class StatementHandler implements InvocationHandler {

		private final Statement target;

		private final @Nullable String preparedSql;

		private final List<String> batch = new ArrayList<>();

		StatementHandler(Statement target, @Nullable String preparedSql) {
			this.target = target;
			this.preparedSql = preparedSql;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] arguments)
				throws Throwable {
			@Nullable Object[] args = (arguments != null) ? arguments : new Object[0];
			String name = method.getName();
			if (name.equals("addBatch") && args.length == 1 && args[0] instanceof String sql) {
				this.batch.add(sql);
			}
			else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
				Sinks.statement((this.preparedSql != null) ? this.preparedSql : String.join("; ", this.batch));
				this.batch.clear();
			}
			else if (name.startsWith("execute")) {
				Sinks.statement((args.length > 0 && args[0] instanceof String sql) ? sql
						: String.valueOf(this.preparedSql));
			}
			return switch (name) {
				case "equals" -> proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				default -> RecordingJdbc.invoke(this.target, method, args);
			};
		}

	}

}
