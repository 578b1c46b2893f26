package vn.onestop.catalog;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the catalogue, {@code onestop.catalog.*}; every one has a default here.
 *
 * @param location            where the data files are: a classpath folder ({@code catalog/}) or a
 *                            {@code file:} URL of a folder, ending with '/'. It holds
 *                            {@code organisation.yaml}, {@code fields.yaml} and {@code procedures/*.yaml}
 * @param defaultContentTypes MIME types accepted for a dossier component when the procedure does not say
 * @param defaultMaxSize      largest file accepted for a dossier component when the procedure does not say
 * @param applyReforms        whether the reorganisations in {@code reforms/*.yaml} are applied (default true);
 *                            false reads the organisation as it stood before them (the test suite's world)
 */
@ConfigurationProperties(prefix = "onestop.catalog")
public record CatalogProperties(String location, List<String> defaultContentTypes, DataSize defaultMaxSize,
    Boolean applyReforms) {

  public static final String DEFAULT_LOCATION = "catalog/";
  public static final List<String> DEFAULT_CONTENT_TYPES = List.of("application/pdf", "image/jpeg", "image/png");
  public static final DataSize DEFAULT_MAX_SIZE = DataSize.ofMegabytes(10);

  @ConstructorBinding
  public CatalogProperties {
    location = location == null || location.isBlank() ? DEFAULT_LOCATION : location;
    if (!location.endsWith("/")) {
      location = location + "/";
    }
    defaultContentTypes = defaultContentTypes == null || defaultContentTypes.isEmpty()
        ? DEFAULT_CONTENT_TYPES : List.copyOf(defaultContentTypes);
    defaultMaxSize = defaultMaxSize == null ? DEFAULT_MAX_SIZE : defaultMaxSize;
    applyReforms = applyReforms == null || applyReforms;
  }

  /** With the reforms applied. */
  public CatalogProperties(String location, List<String> defaultContentTypes, DataSize defaultMaxSize) {
    this(location, defaultContentTypes, defaultMaxSize, null);
  }

  /** All defaults. */
  public static CatalogProperties defaults() {
    return new CatalogProperties(null, null, null);
  }
}
