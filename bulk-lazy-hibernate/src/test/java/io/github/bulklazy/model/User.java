package io.github.bulklazy.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

/** The users of SQLAlchemy-bulk-lazy-loader's test suite. */
@Entity
@Table(name = "bl_user")
@FilterDef(name = "hiddenEmail", parameters = @ParamDef(name = "email", type = String.class))
public class User {

	@Id
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	private User parent;

	@OneToMany(mappedBy = "parent")
	@OrderBy("id")
	private List<User> children = new ArrayList<>();

	@OneToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "user_info_id")
	private UserInfo userInfo;

	@OneToMany(mappedBy = "user")
	@OrderBy("email desc")
	@Filter(name = "hiddenEmail", condition = "email <> :email")
	private List<Address> addresses = new ArrayList<>();

	/** A bag over a join table that holds one row twice: Hibernate keeps both. */
	@ManyToMany
	@JoinTable(name = "bl_user_to_thing", joinColumns = @JoinColumn(name = "user_id"),
			inverseJoinColumns = @JoinColumn(name = "thing_id"))
	private List<Thing> things = new ArrayList<>();

	protected User() {
	}

	public User(Long id, String name, User parent, UserInfo userInfo) {
		this.id = id;
		this.name = name;
		this.parent = parent;
		this.userInfo = userInfo;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public User getParent() {
		return this.parent;
	}

	public List<User> getChildren() {
		return this.children;
	}

	public UserInfo getUserInfo() {
		return this.userInfo;
	}

	public void setUserInfo(UserInfo userInfo) {
		this.userInfo = userInfo;
	}

	public List<Address> getAddresses() {
		return this.addresses;
	}

	public List<Thing> getThings() {
		return this.things;
	}

}
