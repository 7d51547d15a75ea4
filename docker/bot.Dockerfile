# Rasa server and action server (Python 3.10, as Rasa 3.6 requires).
FROM python:3.10-slim
WORKDIR /app
COPY requirements/bot.lock requirements/bot.lock
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements/bot.lock
COPY bot bot
COPY actions actions
COPY data/nlu data/nlu
COPY data/rules data/rules
ENV PYTHONPATH=/app PYTHONWARNINGS=ignore SQLALCHEMY_SILENCE_UBER_WARNING=1
RUN rasa train --config bot/config.yml --domain bot/domain --data data/nlu data/rules \
    --out models --fixed-model-name lotse
USER nobody
