package io.github.bulklazy.hibernate.planning;

import org.hibernate.mapping.OneToOne;
import org.hibernate.mapping.ToOne;

/** How Hibernate loads a to-one of the boot model: through a proxy, or with its owner. */
public final class ToOneMappings {

	private ToOneMappings() {
	}

	/** Whether Hibernate holds a proxy for the to-one until it is read, rather than load it with its owner. */
	public static boolean makesProxy(ToOne toOne) {
		return (toOne instanceof OneToOne oneToOne) ? isProxied(oneToOne)
				: toOne.isLazy() && toOne.isReferenceToPrimaryKey();
	}

	/**
	 * Whether Hibernate holds a proxy for the one-to-one: a lazy one sharing its owner's primary
	 * key whose target always exists ({@code @MapsId}, or {@code optional = false}).
	 */
	private static boolean isProxied(OneToOne oneToOne) {
		return oneToOne.isLazy() && oneToOne.isConstrained() && oneToOne.getReferencedPropertyName() == null;
	}

}
