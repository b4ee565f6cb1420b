package io.github.bulklazy.autoconfigure.app;

import javax.sql.DataSource;

import io.github.bulklazy.testsupport.StatementCounter;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Counts the statements of every data source of the application at the JDBC level. */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounting {

	private static final StatementCounter counter = new StatementCounter();

	/** The counter shared by every application context of the tests. */
	public static StatementCounter counter() {
		return counter;
	}

	@Bean
	StatementCounter statementCounter() {
		return counter;
	}

	@Bean
	static BeanPostProcessor countingDataSources() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource) ? counter.wrap(dataSource) : bean;
			}
		};
	}

}
