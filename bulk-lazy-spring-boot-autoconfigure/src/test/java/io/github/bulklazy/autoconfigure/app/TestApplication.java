package io.github.bulklazy.autoconfigure.app;

import io.github.bulklazy.model.Student;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/** An application using the starter, with the test model and a Spring Data repository. */
@SpringBootApplication
@EntityScan(basePackageClasses = Student.class)
public class TestApplication {

}
