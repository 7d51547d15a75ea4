# service_api and the Telegram bridge (current Python).
FROM python:3.11-slim
# Pango and fonts for the monthly PDF report (WeasyPrint).
RUN apt-get update && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements/api.lock requirements/api.lock
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements/api.lock
COPY service_api service_api
COPY telegram_bridge telegram_bridge
COPY data/catalogue data/catalogue
COPY data/topics.yml data/topics.yml
ENV LOTSE_DATA_DIR=/app/var
RUN mkdir -p /app/var && chown nobody /app/var
USER nobody
EXPOSE 8000 9101
CMD ["uvicorn", "service_api.app:create_app", "--factory", "--host", "0.0.0.0", "--port", "8000"]
