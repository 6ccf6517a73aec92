package com.proposaldesk.process;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Lets a String variable of any length be stored. The engine keeps a String variable in a column of
 * {@value #TEXT_COLUMN_LENGTH} characters ({@code TEXT_} of the runtime, history and detail tables), and Tasklist
 * sends every form field as a String: a reply body or the proposal summary a task shows would fail the whole
 * completion or registration with a database error. A longer String is stored in the engine's byte array table
 * instead; it stays a String to Tasklist, the REST API and the Java API, only it cannot be searched by value.
 * <p>
 * At history level full, the engine also writes each submitted form field as a form property event, with the text in
 * the same kind of column: that copy is shortened to fit, as the variable's history and our tables hold the text.
 */
@Component
public class LongTextVariables extends AbstractProcessEnginePlugin {

    /** The length of the engine's {@code TEXT_} columns, in characters on H2 and PostgreSQL. */
    public static final int TEXT_COLUMN_LENGTH = 4000;

    static final String SERIALIZER_NAME = "longString";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<TypedValueSerializer> serializers = new ArrayList<>();
        serializers.add(new LongStringSerializer());
        if (configuration.getCustomPreVariableSerializers() != null) {
            serializers.addAll(configuration.getCustomPreVariableSerializers());
        }
        configuration.setCustomPreVariableSerializers(serializers);
        configuration.setHistoryEventProducer(new FittingFormPropertyEvents());
    }

    static boolean tooLongForText(Object value) {
        return value instanceof String text && text.length() > TEXT_COLUMN_LENGTH;
    }

    /** A String too long for the text column, stored as UTF-8 bytes. Shorter Strings go to the engine's own. */
    static final class LongStringSerializer extends PrimitiveValueSerializer<StringValue> {

        LongStringSerializer() {
            super(ValueType.STRING);
        }

        @Override
        public String getName() {
            return SERIALIZER_NAME;
        }

        @Override
        protected boolean canWriteValue(TypedValue value) {
            return tooLongForText(value.getValue());
        }

        @Override
        public StringValue convertToTypedValue(UntypedValueImpl untyped) {
            return Variables.stringValue((String) untyped.getValue(), untyped.isTransient());
        }

        @Override
        public void writeValue(StringValue value, ValueFields fields) {
            fields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public StringValue readValue(ValueFields fields, boolean asTransientValue) {
            byte[] bytes = fields.getByteArrayValue();
            return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
        }
    }

    /** The engine's history, with each submitted form field cut to the length of the column it goes to. */
    static final class FittingFormPropertyEvents extends CacheAwareHistoryEventProducer {

        @Override
        public HistoryEvent createFormPropertyUpdateEvt(ExecutionEntity execution, String propertyId, String propertyValue,
                String taskId) {
            return super.createFormPropertyUpdateEvt(execution, propertyId, fitted(propertyValue), taskId);
        }

        static String fitted(String value) {
            if (!tooLongForText(value)) {
                return value;
            }
            int end = TEXT_COLUMN_LENGTH - 1;
            if (Character.isHighSurrogate(value.charAt(end - 1))) {
                end--;
            }
            return value.substring(0, end) + "…";
        }
    }
}
