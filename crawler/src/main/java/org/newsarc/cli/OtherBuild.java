package org.newsarc.cli;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.newsarc.extractor.eval.BuildComparison;

/**
 * The extractor of another newsarc build (its jar, or a folder of its classes), loaded beside
 * this one for {@code bench --against}. Its classes come from its own jar first, so its
 * extractor and the libraries packed with it are its own; what the jar lacks, and the JDK,
 * come from this process.
 */
final class OtherBuild {

  static final String EXTRACTOR = "org.newsarc.extractor.ArticleExtractor";

  private OtherBuild() {}

  /** The other build's extraction, or an exception whose message says what is wrong. */
  static Loaded load(Path location) throws IOException {
    if (!Files.exists(location)) {
      throw new IOException(location + " does not exist");
    }
    URLClassLoader loader = new OwnFirst(location.toUri().toURL(),
        OtherBuild.class.getClassLoader());
    try {
      Class<?> type = loader.loadClass(EXTRACTOR);
      if (type.getClassLoader() != loader) {
        throw new IOException(location + " holds no newsarc extractor (" + EXTRACTOR + ")");
      }
      Object extractor = type.getConstructor().newInstance();
      Method extract = type.getMethod("extract", byte[].class, String.class, Map.class);
      String version;
      try {
        version = String.valueOf(type.getField("VERSION").get(null));
      } catch (NoSuchFieldException e) {
        version = "of unknown version";
      }
      BuildComparison.Extraction extraction = (html, url) -> {
        try {
          extract.invoke(extractor, html, url, Map.of());
        } catch (InvocationTargetException e) {
          // The page failed in the other build; its time still counts.
        }
      };
      return new Loaded(extraction, version);
    } catch (ClassNotFoundException e) {
      throw new IOException(location + " holds no newsarc extractor (" + EXTRACTOR + ")", e);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IOException("cannot load the extractor of " + location + ": " + e, e);
    }
  }

  /** The other build's extraction and its extractor's version. */
  record Loaded(BuildComparison.Extraction extraction, String version) {}

  /** Looks in its own jar before asking the parent; the JDK's classes always come from it. */
  private static final class OwnFirst extends URLClassLoader {
    OwnFirst(URL url, ClassLoader parent) {
      super(new URL[] {url}, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null && !name.startsWith("java.") && !name.startsWith("javax.")
            && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
          try {
            c = findClass(name);
          } catch (ClassNotFoundException e) {
            // Not in the other build: this process's own.
          }
        }
        if (c == null) {
          c = super.loadClass(name, false);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
