package cn.smartaffairs.platform.web;

import cn.smartaffairs.platform.PlatformConfiguration;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * How the JSON API reads request bodies: the application's ObjectMapper plus {@link InputLimits} for every string and
 * date, {@code [null]} items of lists refused, and local date-times that may carry an offset (converted to Beijing
 * time). Only the HTTP converter's mapper is changed: stored JSON (audit, approval facts, plans) is read as before.
 */
@Configuration(proxyBeanMethods = false)
class RequestJson {

  @Bean
  MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder builder) {
    return new MappingJackson2HttpMessageConverter(requestMapper(builder.build()));
  }

  static ObjectMapper requestMapper(ObjectMapper mapper) {
    mapper.registerModule(limits());
    // a list item or map value of null is a malformed request, never a NullPointerException further in
    mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
    return mapper;
  }

  static SimpleModule limits() {
    var module = new SimpleModule("input-limits");
    module.addDeserializer(String.class, new CheckedString());
    module.addDeserializer(LocalDateTime.class, new LocalOrOffsetDateTime());
    module.setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
          JsonDeserializer<?> deserializer) {
        return Temporal.class.isAssignableFrom(description.getBeanClass()) ? new YearBound(deserializer) : deserializer;
      }
    });
    return module;
  }

  /** An input refused by {@link InputLimits}; Jackson adds the path of the field it was read for. */
  static final class RefusedJson extends JsonMappingException {

    private final transient InputLimits.Refused refused;

    RefusedJson(JsonParser parser, InputLimits.Refused refused) {
      super(parser, refused.getMessage(), refused);
      this.refused = refused;
    }

    InputLimits.Refused refused() {
      return refused;
    }
  }

  private static final class CheckedString extends StdScalarDeserializer<String> {

    CheckedString() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = StringDeserializer.instance.deserialize(parser, context);
      try {
        InputLimits.checkText(text);
      } catch (InputLimits.Refused refused) {
        throw new RefusedJson(parser, refused);
      }
      return text;
    }

    @Override
    public Object getEmptyValue(DeserializationContext context) {
      return "";
    }

    @Override
    public boolean isCachable() { return true; }
  }

  /** 2026-12-01T09:00 as written, or 2026-12-01T09:00+08:00 / 2026-12-01T01:00Z as that moment in Beijing time. */
  private static final class LocalOrOffsetDateTime extends StdScalarDeserializer<LocalDateTime> {

    LocalOrOffsetDateTime() {
      super(LocalDateTime.class);
    }

    @Override
    public LocalDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.hasToken(JsonToken.VALUE_STRING)) {
        String text = parser.getText().trim();
        try {
          return LocalDateTime.parse(text);
        } catch (DateTimeParseException local) {
          try {
            return OffsetDateTime.parse(text).atZoneSameInstant(PlatformConfiguration.ZONE).toLocalDateTime();
          } catch (DateTimeParseException offset) {
            return (LocalDateTime) context.handleWeirdStringValue(LocalDateTime.class, text,
                "not an ISO date-time (2026-12-01T09:00 or 2026-12-01T09:00+08:00)");
          }
        }
      }
      return LocalDateTimeDeserializer.INSTANCE.deserialize(parser, context);
    }
  }

  private static final class YearBound extends DelegatingDeserializer {

    YearBound(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new YearBound(delegate);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      Object value = super.deserialize(parser, context);
      try {
        InputLimits.checkYear(value);
      } catch (InputLimits.Refused refused) {
        throw new RefusedJson(parser, refused);
      }
      return value;
    }
  }
}
