package io.github.bulklazy.differential.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

/**
 * The hub of the model: lazy to-ones to itself, to the roots and to subclasses of both
 * hierarchies and to an entity with a {@code @SQLRestriction}, EAGER to-ones to composite keys, and
 * every kind of lazy collection.
 */
@Entity
@Table(name = "rd_person")
@FilterDef(name = Person.MIN_PRIORITY, parameters = @ParamDef(name = "min", type = Integer.class))
public class Person {

	/** Hides the notes below a priority. */
	public static final String MIN_PRIORITY = "minPriority";

	@Id
	private Long id;

	private String name;

	private Integer score;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "city_id")
	private City city;

	/** The inverse side of a city's mayor: Hibernate loads it by unique key as it reads the person. */
	@OneToOne(mappedBy = "mayor")
	private City mayorOf;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "friend_id")
	private Person friend;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "pet_id")
	private Animal pet;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "dog_id")
	private Dog dog;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "car_id")
	private Car car;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "pinned_id")
	private Note pinned;

	/** EAGER, to a composite key: Hibernate loads each after a query for people, bulk-lazy all at once. */
	@ManyToOne(fetch = FetchType.EAGER)
	@JoinColumns({ @JoinColumn(name = "plot_area_id", referencedColumnName = "area_id"),
			@JoinColumn(name = "plot_lot", referencedColumnName = "lot") })
	private Plot plot;

	/** EAGER, to an {@code @IdClass} key. */
	@ManyToOne(fetch = FetchType.EAGER)
	@JoinColumns({ @JoinColumn(name = "berth_dock_id", referencedColumnName = "dock_id"),
			@JoinColumn(name = "berth_slot", referencedColumnName = "slot") })
	private Berth berth;

	/** EAGER: Hibernate loads it right after a query for people, bulk-lazy for all of them at once. */
	@OneToMany(mappedBy = "author", fetch = FetchType.EAGER)
	@OrderBy("priority desc, id")
	@Filter(name = MIN_PRIORITY, condition = "priority >= :min")
	private List<Note> notes = new ArrayList<>();

	@OneToMany(mappedBy = "owner")
	@OrderBy("id")
	private List<Vehicle> vehicles = new ArrayList<>();

	@ManyToMany
	@JoinTable(name = "rd_membership", joinColumns = @JoinColumn(name = "person_id"),
			inverseJoinColumns = @JoinColumn(name = "club_id"))
	@OrderBy("name, id")
	private Set<Club> clubs = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "rd_person_tag", joinColumns = @JoinColumn(name = "person_id"))
	@Column(name = "tag")
	@OrderColumn(name = "position")
	private List<String> tags = new ArrayList<>();

	protected Person() {
	}

	public Person(Long id) {
		this.id = id;
	}

	public Long getId() {
		return this.id;
	}

	public Plot getPlot() {
		return this.plot;
	}

	public Berth getBerth() {
		return this.berth;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Integer getScore() {
		return this.score;
	}

	public void setScore(Integer score) {
		this.score = score;
	}

	public City getCity() {
		return this.city;
	}

	public City getMayorOf() {
		return this.mayorOf;
	}

	public void setCity(City city) {
		this.city = city;
	}

	public Person getFriend() {
		return this.friend;
	}

	public void setFriend(Person friend) {
		this.friend = friend;
	}

	public Animal getPet() {
		return this.pet;
	}

	public void setPet(Animal pet) {
		this.pet = pet;
	}

	public Dog getDog() {
		return this.dog;
	}

	public void setDog(Dog dog) {
		this.dog = dog;
	}

	public Car getCar() {
		return this.car;
	}

	public void setCar(Car car) {
		this.car = car;
	}

	public Note getPinned() {
		return this.pinned;
	}

	public void setPinned(Note pinned) {
		this.pinned = pinned;
	}

	public List<Note> getNotes() {
		return this.notes;
	}

	public List<Vehicle> getVehicles() {
		return this.vehicles;
	}

	public Set<Club> getClubs() {
		return this.clubs;
	}

	public List<String> getTags() {
		return this.tags;
	}

}
