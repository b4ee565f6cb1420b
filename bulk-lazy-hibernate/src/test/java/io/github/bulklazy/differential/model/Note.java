package io.github.bulklazy.differential.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;

/**
 * Rows marked deleted are invisible to every load, including those of {@code Person.notes} and
 * {@code Person.pinned}. Bytecode-enhanced by the build: its instances are their own proxies.
 */
@Entity
@Table(name = "rd_note")
@SQLRestriction("deleted = false")
public class Note {

	@Id
	private Long id;

	private String body;

	private Integer priority;

	private boolean deleted;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "author_id")
	private Person author;

	protected Note() {
	}

	public Note(Long id) {
		this.id = id;
	}

	public Long getId() {
		return this.id;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public Integer getPriority() {
		return this.priority;
	}

	public void setPriority(Integer priority) {
		this.priority = priority;
	}

	public boolean isDeleted() {
		return this.deleted;
	}

	public Person getAuthor() {
		return this.author;
	}

	public void setAuthor(Person author) {
		this.author = author;
	}

}
