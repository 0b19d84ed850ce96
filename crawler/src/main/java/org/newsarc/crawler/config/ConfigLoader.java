package org.newsarc.crawler.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads a crawl configuration from YAML. Keys are kebab-case ({@code max-depth}); durations are
 * written as "2s", "10m", "1h", "7d"; unknown keys are errors, so a typo never silently turns
 * into a default. Thread-safe.
 */
public final class ConfigLoader {
  private final ObjectMapper mapper;

  public ConfigLoader() {
    SimpleModule durations = new SimpleModule("durations");
    durations.addDeserializer(Duration.class, new JsonDeserializer<>() {
      @Override
      public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        try {
          return DurationText.parse(p.getValueAsString());
        } catch (IllegalArgumentException e) {
          throw JsonMappingException.from(p, e.getMessage(), e);
        }
      }
    });
    this.mapper = new ObjectMapper(new YAMLFactory())
        .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // A key written twice is a mistake, not "the last one wins".
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .registerModule(durations);
  }

  /** Reads and validates {@code file}. */
  public CrawlConfig load(Path file) throws ConfigException {
    try (InputStream in = Files.newInputStream(file)) {
      if (Files.size(file) == 0) {
        return CrawlConfig.defaults();
      }
      CrawlConfig config = mapper.readValue(in, CrawlConfig.class);
      return config == null ? CrawlConfig.defaults() : config;
    } catch (JsonMappingException e) {
      throw new ConfigException(file, where(e.getLocation(), path(e)) + describe(e), e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      String message = e.getOriginalMessage();
      if (message.startsWith("Duplicate field")) {
        message = "key written twice: " + message.substring("Duplicate field ".length());
      }
      throw new ConfigException(file, where(e.getLocation(), "") + message.lines().findFirst()
          .orElse("invalid YAML"), e);
    } catch (IOException e) {
      throw new ConfigException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  private static String where(com.fasterxml.jackson.core.JsonLocation at, String path) {
    String line = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr();
    if (line.isEmpty() && path.isEmpty()) {
      return "";
    }
    return line + (line.isEmpty() || path.isEmpty() ? "" : ", ") + path + ": ";
  }

  /** What is wrong, in the words of the config file: keys and kinds of value, no Java types. */
  private static String describe(JsonMappingException e) {
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
      StringBuilder known = new StringBuilder();
      if (u.getKnownPropertyIds() != null) {
        u.getKnownPropertyIds().stream().map(String::valueOf).sorted()
            .forEach(k -> known.append(known.length() == 0 ? "" : ", ").append(k));
      }
      return "unknown key '" + u.getPropertyName() + "'"
          + (known.length() == 0 ? "" : " (known keys: " + known + ")");
    }
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
      if (cause instanceof IllegalArgumentException) {
        return cause.getMessage();
      }
    }
    if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
        && m.getTargetType() != null) {
      return "expected " + kind(m.getTargetType());
    }
    String message = e.getOriginalMessage().lines().findFirst().orElse("invalid");
    return message.replaceAll("`[\\w.$]*\\.(\\w+)`", "$1")
        .replaceAll("\\(for Object starting at.*\\)", "").strip();
  }

  private static String kind(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == Duration.class) {
      return "a duration such as 30s, 10m, 2h";
    }
    if (type == String.class) {
      return "a text value";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a section of keys";
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
      } else {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }
}
