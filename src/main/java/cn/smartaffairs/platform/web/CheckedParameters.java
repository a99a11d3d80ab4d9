package cn.smartaffairs.platform.web;

import java.util.Collection;
import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * {@link InputLimits} for query parameters, path variables and form fields (pages and API): Spring MVC converts each of
 * them through its conversion service, also String to String, so this wrapper sees every text before and every date
 * after conversion. A refusal is a failed conversion, which Spring reports as a type mismatch naming the parameter.
 */
final class CheckedParameters implements ConversionService {

  private final ConversionService delegate;

  private CheckedParameters(ConversionService delegate) {
    this.delegate = delegate;
  }

  /** Wraps the conversion service of the binders that Spring MVC creates for each handler call. */
  static BeanPostProcessor installer() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof RequestMappingHandlerAdapter adapter
            && adapter.getWebBindingInitializer() instanceof ConfigurableWebBindingInitializer initializer
            && initializer.getConversionService() != null
            && !(initializer.getConversionService() instanceof CheckedParameters)) {
          initializer.setConversionService(new CheckedParameters(initializer.getConversionService()));
          initializer.setBindingErrorProcessor(new RefusalMessages());
        }
        return bean;
      }
    };
  }

  @Override
  public boolean canConvert(Class<?> sourceType, Class<?> targetType) {
    return delegate.canConvert(sourceType, targetType);
  }

  @Override
  public boolean canConvert(TypeDescriptor sourceType, TypeDescriptor targetType) {
    return delegate.canConvert(sourceType, targetType);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T convert(Object source, Class<T> targetType) {
    return (T) convert(source, TypeDescriptor.forObject(source), TypeDescriptor.valueOf(targetType));
  }

  @Override
  public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
    try {
      checkTexts(source);
      Object converted = delegate.convert(source, sourceType, targetType);
      if (converted instanceof Collection<?> items) {
        items.forEach(InputLimits::checkYear);
      } else if (converted instanceof Object[] items) {
        for (Object item : items) {
          InputLimits.checkYear(item);
        }
      } else {
        InputLimits.checkYear(converted);
      }
      return converted;
    } catch (InputLimits.Refused refused) {
      throw new ConversionFailedException(sourceType, targetType, source, refused);
    }
  }

  /**
   * A form field that {@link InputLimits} refused gets the limit's own message beside it ("过长：最多 2000 个字符"),
   * not the generic one of a value that cannot be read; the exception travels with it as Spring's own does.
   */
  static final class RefusalMessages extends DefaultBindingErrorProcessor {

    @Override
    public void processPropertyAccessException(PropertyAccessException exception, BindingResult result) {
      InputLimits.Refused refused = null;
      for (Throwable cause = exception; cause != null && refused == null; cause = cause.getCause()) {
        refused = cause instanceof InputLimits.Refused found ? found : null;
      }
      if (refused == null) {
        super.processPropertyAccessException(exception, result);
        return;
      }
      String field = exception.getPropertyName();
      Object typed = exception.getValue() instanceof String[] texts ? String.join(",", texts) : exception.getValue();
      FieldError error = new FieldError(result.getObjectName(), field, typed, true,
          new String[] {refused.messageKey()}, refused.arguments(), refused.messageKey());
      error.wrap(exception);
      result.addError(error);
    }
  }

  private static void checkTexts(Object source) {
    if (source instanceof String text) {
      InputLimits.checkText(text);
    } else if (source instanceof String[] texts) {
      for (String text : texts) {
        InputLimits.checkText(text);
      }
    }
  }
}
