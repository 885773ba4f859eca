package se.somg.portal;

/**
 * The portal has more of some costly work in hand than its cores can do now; the person is asked to try again
 * in a moment (a web answer of 503 with Retry-After) instead of waiting without end. Nothing was done.
 */
public class Busy extends Refusal {

    public Busy() {
        super("busy");
    }
}
