package chat.plume.realtime;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * The {@code type} of a frame object, for counting: every frame is a record with a {@code type}
 * component. The accessor is looked up once per record class.
 */
final class FrameTypes {

    private static final ClassValue<Method> TYPE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (component.getName().equals("type") && component.getType() == String.class) {
                        return component.getAccessor();
                    }
                }
            }
            return null;
        }
    };

    private FrameTypes() {}

    static String of(Object frame) {
        Method accessor = TYPE.get(frame.getClass());
        if (accessor == null) {
            return "other";
        }
        try {
            Object type = accessor.invoke(frame);
            return type == null ? "other" : type.toString();
        } catch (ReflectiveOperationException e) {
            return "other";
        }
    }
}
