-- Run by mariadbd --init-file on every start, before it accepts connections; every statement is idempotent.
CREATE DATABASE IF NOT EXISTS shop;
CREATE USER IF NOT EXISTS 'shop'@'%' IDENTIFIED BY 'shop-secret';
GRANT ALL PRIVILEGES ON shop.* TO 'shop'@'%';
CREATE TABLE IF NOT EXISTS shop.visits (id INT AUTO_INCREMENT PRIMARY KEY, at TIMESTAMP DEFAULT CURRENT_TIMESTAMP);
