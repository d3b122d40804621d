package io.relata.tier;

/** An infer request whose tensors do not follow the model's metadata (OIP error, 400). */
class InvalidInferRequestException extends RuntimeException {

    InvalidInferRequestException(String message) {
        super(message);
    }
}
