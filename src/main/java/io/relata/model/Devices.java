package io.relata.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * Where models run: the device a setting ("auto", "cpu" or "gpu") names on this machine, and its wire name. A cpu
 * setting never probes for CUDA. DJL's own probe warns on every machine without a CUDA driver, so its logger
 * (ai.djl.util.cuda.CudaUtils) is kept at ERROR in the logging settings; relata's start line says which device it uses.
 */
final class Devices {

    private Devices() {}

    static Device choose(String setting) {
        String normalized = setting.toLowerCase(Locale.ROOT);
        if (normalized.equals("cpu")) {
            return Device.cpu();
        }
        if (!normalized.equals("auto") && !normalized.equals("gpu")) {
            throw new IllegalArgumentException("relata.model.device must be auto, cpu or gpu; was " + setting);
        }
        int gpus = Engine.getInstance().getGpuCount();
        if (gpus > 0) {
            return Device.gpu();
        }
        if (normalized.equals("gpu")) {
            throw new IllegalStateException("relata.model.device=gpu but DJL sees no GPU (is the CUDA runtime visible?)");
        }
        return Device.cpu();
    }

    static String name(Device device) {
        return device.isGpu() ? "gpu" : "cpu";
    }
}
