package io.github.bulklazy.model;

import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/** An element of {@link Member#getVisits()}: a lazy to-one inside the element of a collection. */
@Embeddable
public class Visit {

	private String purpose;

	@ManyToOne(fetch = FetchType.LAZY)
	private District district;

	protected Visit() {
	}

	public Visit(String purpose, District district) {
		this.purpose = purpose;
		this.district = district;
	}

	public String getPurpose() {
		return this.purpose;
	}

	public District getDistrict() {
		return this.district;
	}

}
