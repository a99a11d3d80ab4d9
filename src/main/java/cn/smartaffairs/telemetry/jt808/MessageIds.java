package cn.smartaffairs.telemetry.jt808;

/** Message ids of JT/T 808 that the gateway answers or sends. */
public final class MessageIds {

  public static final int TERMINAL_REPLY = 0x0001;
  public static final int HEARTBEAT = 0x0002;
  public static final int LOGOUT = 0x0003;
  public static final int REGISTRATION = 0x0100;
  public static final int AUTHENTICATION = 0x0102;
  public static final int POSITION = 0x0200;
  public static final int BATCH_POSITIONS = 0x0704;
  public static final int PLATFORM_REPLY = 0x8001;
  public static final int REGISTRATION_REPLY = 0x8100;
  /** Area commands: set and delete a circle, a rectangle, a polygon. */
  public static final int SET_CIRCLE = 0x8600;
  public static final int DELETE_CIRCLE = 0x8601;
  public static final int SET_RECTANGLE = 0x8602;
  public static final int DELETE_RECTANGLE = 0x8603;
  public static final int SET_POLYGON = 0x8604;
  public static final int DELETE_POLYGON = 0x8605;
  /** 查询终端参数 (platform, empty body) and the terminal's answer 查询终端参数应答. */
  public static final int QUERY_PARAMETERS = 0x8104;
  public static final int PARAMETERS_ANSWER = 0x0104;

  /** Results of 0x8001 (platform general reply). */
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int MESSAGE_ERROR = 2;
  public static final int NOT_SUPPORTED = 3;

  /** Results of 0x8100 (registration reply). */
  public static final int REGISTERED = 0;
  public static final int NO_SUCH_VEHICLE = 2;
  public static final int NO_SUCH_TERMINAL = 4;

  private MessageIds() {}
}
