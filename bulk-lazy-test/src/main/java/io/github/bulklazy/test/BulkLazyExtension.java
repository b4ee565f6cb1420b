package io.github.bulklazy.test;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Objects;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Records what each test method runs, from its start to its end, without its {@code @BeforeEach}
 * and {@code @AfterEach} methods: a test may take the {@link Recording} as a parameter. After the
 * method, checks {@link NoRemainingNPlusOne @NoRemainingNPlusOne} and
 * {@link MaxStatements @MaxStatements} on the method, its class, a superclass or an enclosing
 * class; a failure is the test's own, whatever the test context did with the application's
 * exceptions. What runs after the method (a test transaction's commit) is not recorded; a one-key
 * load in {@code @BeforeEach} is the first of its session, so the same load in the method counts
 * as a remaining N+1.
 */
public final class BulkLazyExtension implements BeforeTestExecutionCallback, AfterTestExecutionCallback,
		ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(BulkLazyExtension.class);

	@Override
	public void beforeTestExecution(ExtensionContext context) {
		// one recording per test, however many times the extension is registered
		context.getStore(NAMESPACE).getOrComputeIfAbsent(Recording.class, (key) -> Recording.start(), Recording.class);
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		Recording recording = recording(context);
		recording.close();
		RecordingAssert recorded = BulkLazyAssertions.assertThat(recording);
		find(MaxStatements.class, context).ifPresent((maximum) -> recorded.hasAtMostStatements(maximum.value()));
		find(NoRemainingNPlusOne.class, context).ifPresent((none) -> recorded.hasNoRemainingNPlusOne());
	}

	/** A {@code Recording} parameter of the test method itself, not of its set-up or the constructor. */
	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Recording.class
				&& context.getTestMethod().filter(parameter.getDeclaringExecutable()::equals).isPresent();
	}

	@Override
	public Recording resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return recording(context);
	}

	private static Recording recording(ExtensionContext context) {
		return Objects.requireNonNull(context.getStore(NAMESPACE).get(Recording.class, Recording.class),
				"no recording: the test method has not started");
	}

	/** The annotation on the test method, else on its class or an enclosing one. */
	private static <A extends Annotation> Optional<A> find(Class<A> type, ExtensionContext context) {
		for (Optional<ExtensionContext> current = Optional.of(context); current.isPresent();
				current = current.get().getParent()) {
			Optional<AnnotatedElement> element = current.get().getElement();
			Optional<A> found = element.flatMap((annotated) -> AnnotationSupport.findAnnotation(annotated, type));
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

}
