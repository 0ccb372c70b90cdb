package org.supervisionhub.api.calendar;

/** Holiday data that cannot be used: the message names the file and, where one is at fault, the line. */
public class CalendarDataException extends IllegalStateException {

    public CalendarDataException(String message) {
        super(message);
    }

    public CalendarDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
