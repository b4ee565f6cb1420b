package io.github.bulklazy.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches unless {@code bulk-lazy.enabled} is {@code false}. Any other value matches: binding
 * {@link BulkLazyProperties} and the {@link BulkLazyConfigurationCheck} then report one that is
 * neither {@code true} nor {@code false}.
 */
class OnBulkLazyEnabledCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("bulk-lazy.enabled");
		String value = Binder.get(context.getEnvironment()).bind("bulk-lazy.enabled", String.class).orElse(null);
		if (value == null) {
			return ConditionOutcome.match(message.because("it is not set"));
		}
		return value.trim().equalsIgnoreCase("false") ? ConditionOutcome.noMatch(message.because("it is false"))
				: ConditionOutcome.match(message.because("it is '" + value + "'"));
	}

}
