package io.github.bulklazy.testsupport;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import org.hibernate.jpa.HibernatePersistenceProvider;

/**
 * A resource-local persistence unit of listed entity classes, bootstrapped the way a container
 * (or Spring) does it: the one bootstrap that is the same on every Hibernate line the tests run on.
 */
public final class TestPersistenceUnit implements PersistenceUnitInfo {

	private final String name;

	private final List<String> managedClassNames;

	private TestPersistenceUnit(String name, List<Class<?>> entities) {
		this.name = name;
		this.managedClassNames = entities.stream().map(Class::getName).toList();
	}

	/**
	 * A new entity manager factory of the entities.
	 * @param properties Hibernate and Jakarta Persistence properties, objects included (a data
	 * source, an integrator provider)
	 */
	public static EntityManagerFactory createEntityManagerFactory(String name, List<Class<?>> entities,
			Map<String, Object> properties) {
		return new HibernatePersistenceProvider()
			.createContainerEntityManagerFactory(new TestPersistenceUnit(name, entities), properties);
	}

	@Override
	public String getPersistenceUnitName() {
		return this.name;
	}

	@Override
	public String getPersistenceProviderClassName() {
		return HibernatePersistenceProvider.class.getName();
	}

	@Override
	public String getScopeAnnotationName() {
		return null;
	}

	@Override
	public List<String> getQualifierAnnotationNames() {
		return List.of();
	}

	@Override
	@SuppressWarnings("deprecation")
	public PersistenceUnitTransactionType getTransactionType() {
		return PersistenceUnitTransactionType.RESOURCE_LOCAL;
	}

	@Override
	public DataSource getJtaDataSource() {
		return null;
	}

	@Override
	public DataSource getNonJtaDataSource() {
		return null;
	}

	@Override
	public List<String> getMappingFileNames() {
		return List.of();
	}

	@Override
	public List<URL> getJarFileUrls() {
		return List.of();
	}

	@Override
	public URL getPersistenceUnitRootUrl() {
		return null;
	}

	@Override
	public List<String> getManagedClassNames() {
		return this.managedClassNames;
	}

	@Override
	public boolean excludeUnlistedClasses() {
		return true;
	}

	@Override
	public SharedCacheMode getSharedCacheMode() {
		return SharedCacheMode.UNSPECIFIED;
	}

	@Override
	public ValidationMode getValidationMode() {
		return ValidationMode.NONE;
	}

	@Override
	public Properties getProperties() {
		return new Properties();
	}

	@Override
	public String getPersistenceXMLSchemaVersion() {
		return "3.0";
	}

	@Override
	public ClassLoader getClassLoader() {
		return TestPersistenceUnit.class.getClassLoader();
	}

	@Override
	public void addTransformer(ClassTransformer transformer) {
	}

	@Override
	public ClassLoader getNewTempClassLoader() {
		return null;
	}

}
