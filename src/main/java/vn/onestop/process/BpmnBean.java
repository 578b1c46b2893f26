package vn.onestop.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that BPMN models may call by name in expressions
 * ({@code ${deadlines.dueAt(execution)}}, {@code camunda:delegateExpression="${receiveDossier}"}).
 * Beans without it are invisible to the models, so a designer's typo or a crafted model cannot reach
 * the data source, the identity service or any other internal bean.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BpmnBean {}
