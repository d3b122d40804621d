package io.relata.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/** Where models run: the device a setting ("auto", "cpu" or "gpu") names on this machine, and its wire name. */
final class Devices {

    private Devices() {}

    static Device choose(String setting) {
        int gpus = Engine.getInstance().getGpuCount();
        return switch (setting.toLowerCase(Locale.ROOT)) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalStateException("relata.model.device=gpu but DJL sees no GPU (is the CUDA runtime visible?)");
                }
                yield Device.gpu();
            }
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            default -> throw new IllegalArgumentException("relata.model.device must be auto, cpu or gpu; was " + setting);
        };
    }

    static String name(Device device) {
        return device.isGpu() ? "gpu" : "cpu";
    }
}
