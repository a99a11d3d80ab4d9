package cn.smartaffairs.platform.web;

import java.util.Collection;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
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
