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
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      String where = e.getPathReference() == null ? "" : " (at " + path(e) + ")";
      throw new ConfigException(file, cause.getMessage().lines().findFirst().orElse("invalid")
          + where, e);
    } catch (IOException e) {
      throw new ConfigException(file, "cannot read: " + e.getMessage(), e);
    }
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
