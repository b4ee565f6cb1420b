package io.github.bulklazy.testsupport;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.hibernate.bytecode.enhance.spi.DefaultEnhancementContext;
import org.hibernate.bytecode.enhance.spi.Enhancer;
import org.hibernate.bytecode.enhance.spi.UnloadedField;
import org.hibernate.bytecode.internal.bytebuddy.BytecodeProviderImpl;

/**
 * Enhances compiled entity classes in place with the Hibernate on the class path, as Hibernate's
 * build plugins do with lazy initialization and dirty tracking on, association management off.
 * Run by the build on the test model's {@code enhanced} package and two entities of the random
 * differential test's model: {@code EnhanceClasses <classes directory> <directory or class file>...},
 * paths relative to the classes directory.
 */
public final class EnhanceClasses {

	private EnhanceClasses() {
	}

	public static void main(String[] arguments) throws IOException {
		Path root = Path.of(arguments[0]);
		ClassLoader loader = new URLClassLoader(new URL[] { root.toUri().toURL() },
				EnhanceClasses.class.getClassLoader());
		Enhancer enhancer = new BytecodeProviderImpl().getEnhancer(new DefaultEnhancementContext() {

			@Override
			public ClassLoader getLoadingClassLoader() {
				return loader;
			}

			@Override
			public boolean doBiDirectionalAssociationManagement(UnloadedField field) {
				return false;
			}

		});
		List<Path> classes = new ArrayList<>();
		for (String path : Arrays.asList(arguments).subList(1, arguments.length)) {
			try (Stream<Path> files = Files.walk(root.resolve(path))) {
				files.filter((file) -> file.toString().endsWith(".class")).forEach(classes::add);
			}
		}
		for (Path file : classes) {
			String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
			byte[] enhanced = enhancer.enhance(name.substring(0, name.length() - ".class".length()),
					Files.readAllBytes(file));
			if (enhanced != null) {
				Files.write(file, enhanced);
			}
		}
	}

}
