package io.github.bulklazy.autoconfigure.app;

import io.github.bulklazy.model.Student;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application using the starter, with the test model and a Spring Data repository. JPA finds
 * the entities and Spring Data the repository in the auto-configuration packages, named here
 * because {@code @EntityScan} is in another package on each Spring Boot line.
 */
@SpringBootApplication
@AutoConfigurationPackage(basePackageClasses = { TestApplication.class, Student.class })
public class TestApplication {

}
